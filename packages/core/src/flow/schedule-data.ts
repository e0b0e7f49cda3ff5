import { type Agent, onDuty, type Shift } from "./on-duty";
import { E164, isRecord } from "./read";
import { FlowFailure } from "./resume";
import { CHANNEL_TYPES, type ChannelType, type Flow } from "./types";
import { toWall } from "./tz";

/** The `schedule` source's data: who is on duty now, per channel type. */
export interface ScheduleData {
  on_duty: Record<ChannelType, { agent_id: string; contact: string }[]>;
}

/**
 * Builds the `schedule` source's data at `now`.
 *
 * @example
 * runFlow(flow, { schedule: scheduleData(agents, shifts, now) }, { now }) // `size(schedule.on_duty.voice) > 0`
 */
export function scheduleData(
  agents: readonly Agent[],
  shifts: readonly Shift[],
  now: Date,
): ScheduleData {
  const entries = CHANNEL_TYPES.map((channelType) => [
    channelType,
    onDuty(agents, shifts, { now, channelType }).onDuty.map((a) => ({
      agent_id: a.agentId,
      contact: a.contact,
    })),
  ]);
  return { on_duty: Object.fromEntries(entries) as ScheduleData["on_duty"] };
}

/** The `clock` source's data: the local time in the account's zone and whether it is a holiday. */
export interface ClockData {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  hour: number;
  minute: number;
  /** `mon` … `sun`. */
  weekday: string;
  holiday: boolean;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * Builds the `clock` source's data; `holidays` are local dates (`YYYY-MM-DD`).
 *
 * @example
 * clockData(now, "America/New_York", ["2026-12-25"]) // `clock.hour >= 9 && !clock.holiday`
 */
export function clockData(
  now: Date,
  timeZone: string,
  holidays: readonly string[] = [],
): ClockData {
  const wall = new Date(toWall(now, timeZone));
  const date = wall.toISOString().slice(0, 10);
  return {
    date,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: WEEKDAYS[wall.getUTCDay()] ?? "sun",
    holiday: holidays.includes(date),
  };
}

/** Contacts the flow's schedule source lists as on duty for a channel type. */
export function onDutyContacts(
  flow: Flow,
  context: Record<string, unknown>,
  channelType: ChannelType,
): string[] {
  const name = Object.keys(flow.sources).find((key) => flow.sources[key]?.type === "schedule");
  const data = name === undefined ? undefined : context[name];
  if (!isRecord(data) || !isRecord(data.on_duty)) {
    throw new FlowFailure("", `schedule source${name ? ` "${name}"` : ""} has no on_duty data`);
  }
  const list = data.on_duty[channelType];
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new FlowFailure("", `schedule.on_duty.${channelType} is not a list`);
  const contacts = list.map((entry) =>
    isRecord(entry) && typeof entry.contact === "string" ? entry.contact : "",
  );
  const bad = contacts.find((c) => c === "" || (channelType === "voice" && !E164.test(c)));
  if (bad !== undefined)
    throw new FlowFailure("", `schedule.on_duty.${channelType} has an invalid contact "${bad}"`);
  return contacts;
}
