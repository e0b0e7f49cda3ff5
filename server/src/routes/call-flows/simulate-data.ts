import { clockData, type Flow } from "@ringtrail/core/flow";
import { phoneCountry, phoneRegion } from "@ringtrail/core/phone";
import type { Services } from "../../context";
import { eventData } from "../../flows/event-data";
import { accountSchedule } from "../../sources/schedule";
import { lookupTable } from "../../sources/tables";
import type { SimulateBody } from "./schemas";

/**
 * Source data for a hypothetical call, built only for the sources the flow needs: the
 * schedule from the account's agents and shifts, the clock in `time_zone`, geo from the
 * caller's number, tables from the request or else the account's own, active campaign events
 * from the account's own, and caller,
 * attribution and http data from the request.
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
      case "event":
        // The account's real events at the simulated time, as a call then would see them.
        data[name] = await eventData(
          services.database.client,
          accountId,
          anonymous ? null : body.caller,
          anonymous ? null : phoneRegion(body.caller),
          now.getTime(),
        );
        break;
      case "clock":
        // The source's own zone and holidays win: the simulation runs the flow as calls would.
        data[name] = clockData(now, spec.timeZone ?? body.time_zone, spec.holidays);
        break;
      case "table": {
        const key = spec.key === "caller_number" ? body.caller : body.number;
        const rows = body.data.table?.[spec.name];
        // A table the request does not give is the account's own, as a real call reads it.
        if (rows === undefined) {
          data[name] = await lookupTable(services, accountId, spec.name, key);
          break;
        }
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
