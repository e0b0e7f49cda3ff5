import {
  type Agent,
  CHANNEL_TYPES,
  clockData,
  type Flow,
  onDuty,
  type ScheduleData,
  type Shift,
} from "@ringtrail/core/flow";
import { phoneCountry, phoneRegion } from "@ringtrail/core/phone";
import { agents, shifts } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { Services } from "../../context";
import type { SimulateBody } from "./schemas";

/**
 * Source data for a hypothetical call, built only for the sources the flow needs: the
 * schedule from the account's agents and shifts, the clock in `time_zone`, geo from the
 * caller's number, and caller, attribution, table and http data from the request.
 */
export async function simulationData(
  services: Services,
  accountId: string,
  flow: Flow,
  needed: readonly string[],
  body: SimulateBody,
): Promise<Record<string, unknown>> {
  const now = new Date(body.at);
  const anonymous = body.caller === "anonymous";
  const data: Record<string, unknown> = {};
  for (const name of needed) {
    const spec = flow.sources[name];
    if (!spec) continue;
    switch (spec.type) {
      case "caller":
        data[name] = {
          number: anonymous ? null : body.caller,
          anonymous,
          vip: false,
          blocked: false,
          calls: 0,
          sentiment: { total: 0 },
          ...body.data.caller,
        };
        break;
      case "attribution":
        data[name] = body.data.attribution ?? null;
        break;
      case "schedule":
        data[name] = await accountSchedule(services, accountId, now);
        break;
      case "geo":
        data[name] = {
          region: anonymous ? null : phoneRegion(body.caller),
          country: anonymous ? null : phoneCountry(body.caller),
        };
        break;
      case "clock":
        data[name] = clockData(now, body.time_zone);
        break;
      case "table": {
        const key = spec.key === "caller_number" ? body.caller : body.number;
        const rows = body.data.table?.[spec.name] ?? {};
        const listed = Object.hasOwn(rows, key);
        data[name] = { listed, value: listed ? rows[key] : null };
        break;
      }
      case "http":
        // Left out when not given, so the run uses the source's fallback as it would on a timeout.
        if (body.data.http && Object.hasOwn(body.data.http, name))
          data[name] = body.data.http[name];
        break;
    }
  }
  return data;
}

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
