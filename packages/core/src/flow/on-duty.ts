import rrule from "rrule";

import type { ChannelType } from "./types";
import { fromWall, isTimeZone, toWall } from "./tz";

// rrule ships CommonJS (UMD) without an exports map: Node's ESM loader sees only its default
// export, so named imports fail outside bundlers. The default import works everywhere.
const { rrulestr } = rrule;

export interface Agent {
  id: string;
  /** Contact per channel type: E.164 for voice and sms, an address for email, a handle for chat. */
  contacts: Partial<Record<ChannelType, string>>;
  /** Channel types the agent serves. */
  channelTypes: readonly ChannelType[];
}

export interface Shift {
  id: string;
  agentId: string;
  /**
   * iCalendar recurrence with a floating local DTSTART, e.g.
   * `DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`.
   */
  rrule: string;
  /** IANA zone the DTSTART and the rule's local times are in. */
  timeZone: string;
  /** Shift length in wall-clock minutes: 22:00 + 480 ends at 06:00 local, even across DST. */
  durationMinutes: number;
}

export interface OnDutyAgent {
  agentId: string;
  contact: string;
  shiftId: string;
  endsAt: Date;
}

export interface OnDutyResult {
  onDuty: OnDutyAgent[];
  /** Shifts skipped because their rule, zone or duration is invalid. */
  invalidShifts: { shiftId: string; message: string }[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_DURATION_MINUTES = 7 * 24 * 60;

/** Why a shift cannot be used, or undefined when it is valid; for validation on save. */
export function shiftError(shift: Shift): string | undefined {
  if (!isTimeZone(shift.timeZone)) return `unknown time zone "${shift.timeZone}"`;
  if (
    !Number.isInteger(shift.durationMinutes) ||
    shift.durationMinutes < 1 ||
    shift.durationMinutes > MAX_DURATION_MINUTES
  ) {
    return `durationMinutes must be an integer from 1 to ${MAX_DURATION_MINUTES}`;
  }
  if (/TZID=|DTSTART:\d{8}T\d{6}Z/i.test(shift.rrule)) {
    return "DTSTART must be a floating local time; the zone comes from timeZone";
  }
  if (!/DTSTART:\d{8}T\d{6}/i.test(shift.rrule)) return "rrule needs a DTSTART";
  try {
    rrulestr(shift.rrule, { forceset: true });
    return undefined;
  } catch (error) {
    return `invalid rrule: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Agents on duty at `now` for a channel type: they serve it, have a contact for it and one of
 * their shifts covers `now`. Shifts recur in local wall time, so a 09:00 shift starts at 09:00
 * in both EST and EDT.
 *
 * @example
 * onDuty(agents, shifts, { now: new Date(), channelType: "voice" }).onDuty[0]?.contact
 */
export function onDuty(
  agents: readonly Agent[],
  shifts: readonly Shift[],
  options: { now: Date; channelType: ChannelType },
): OnDutyResult {
  const { now, channelType } = options;
  const result: OnDutyResult = { onDuty: [], invalidShifts: [] };
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const seen = new Set<string>();
  for (const shift of shifts) {
    const error = shiftError(shift);
    if (error) {
      result.invalidShifts.push({ shiftId: shift.id, message: error });
      continue;
    }
    const agent = byId.get(shift.agentId);
    const contact = agent?.contacts[channelType];
    if (!agent || !contact || !agent.channelTypes.includes(channelType) || seen.has(agent.id))
      continue;
    const endsAt = coveringShiftEnd(shift, now);
    if (endsAt) {
      seen.add(agent.id);
      result.onDuty.push({ agentId: agent.id, contact, shiftId: shift.id, endsAt });
    }
  }
  return result;
}

/** The end of the occurrence of `shift` that covers `now`, if any. */
function coveringShiftEnd(shift: Shift, now: Date): Date | undefined {
  const rule = rrulestr(shift.rrule, { forceset: true });
  const duration = shift.durationMinutes * MINUTE;
  const wallNow = toWall(now, shift.timeZone);
  // A day's margin either side absorbs the zone offset between wall and instant.
  const starts = rule.between(new Date(wallNow - duration - DAY), new Date(wallNow + DAY), true);
  for (const start of starts) {
    const from = fromWall(start.getTime(), shift.timeZone);
    // A start skipped by spring forward moves later by the gap; its shift keeps its full length.
    const skipped = toWall(from, shift.timeZone) !== start.getTime();
    const to = skipped
      ? new Date(from.getTime() + duration)
      : fromWall(start.getTime() + duration, shift.timeZone);
    if (from <= now && now < to) return to;
  }
  return undefined;
}
