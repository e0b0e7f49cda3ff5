import {
  type Agent,
  CHANNEL_TYPES,
  onDuty,
  type ScheduleData,
  type Shift,
} from "@ringtrail/core/flow";
import { agents, shifts } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { Services } from "../context";

/** Who is on duty at `now` per channel type; a shift only counts for its own channel types. */
export async function accountSchedule(
  services: Services,
  accountId: string,
  now: Date,
): Promise<ScheduleData> {
  const { db } = services.database;
  const [agentRows, shiftRows] = await Promise.all([
    db.select().from(agents).where(eq(agents.accountId, accountId)),
    db.select().from(shifts).where(eq(shifts.accountId, accountId)),
  ]);
  const all: Agent[] = agentRows.map((a) => ({
    id: a.id,
    contacts: a.contacts,
    channelTypes: a.channelTypes,
  }));
  const entries = CHANNEL_TYPES.map((channelType) => {
    const serving: Shift[] = shiftRows
      .filter((s) => s.channelTypes.includes(channelType))
      .map((s) => ({
        id: s.id,
        agentId: s.agentId,
        rrule: s.rrule,
        timeZone: s.timeZone,
        durationMinutes: s.durationMin,
      }));
    const found = onDuty(all, serving, { now, channelType }).onDuty;
    return [channelType, found.map((a) => ({ agent_id: a.agentId, contact: a.contact }))];
  });
  return { on_duty: Object.fromEntries(entries) as ScheduleData["on_duty"] };
}
