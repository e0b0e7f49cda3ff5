import type { Client } from "@libsql/client";
import { affectedCustomers, type EventArea } from "@ringtrail/core/intel";

export interface ActiveEvent {
  id: string;
  kind: string;
  name: string | null;
  /** Why the caller is affected: the audience row's reasons, or the area their number is in. */
  reasons: string[];
}

/**
 * The events with the `flag` action that affect a caller now, for call flows' `event.active`
 * (route affected callers first). A caller is affected when the event's audience snapshot
 * holds their number, or, for events without attribute filters, when their number or region
 * lies in the event's area: a first-time caller from a flooded area counts too.
 *
 * @example
 * const active = await activeEventsFor(client, "acct_…", "+14155550123", "US-CA", Date.now());
 * const flag = { active: active.length > 0, kinds: active.map((e) => e.kind) };
 */
export async function activeEventsFor(
  client: Client,
  accountId: string,
  callerPhone: string | null,
  region: string | null,
  now: number,
): Promise<ActiveEvent[]> {
  const { rows } = await client.execute({
    sql: `SELECT e.id, e.kind, e.name, e.area, e.filters,
        (SELECT a.reasons FROM campaign_audience a WHERE a.event_id = e.id AND a.account_id = e.account_id
          AND a.phone = ? LIMIT 1) AS reasons
      FROM campaign_events e
      WHERE e.account_id = ? AND e.starts_at <= ? AND e.ends_at > ? AND e.status != 'failed'
        AND EXISTS (SELECT 1 FROM json_each(e.actions) WHERE value = 'flag')
      ORDER BY e.starts_at, e.id`,
    args: [callerPhone, accountId, now, now],
  });
  const active: ActiveEvent[] = [];
  for (const r of rows) {
    const base = {
      id: String(r.id),
      kind: String(r.kind),
      name: r.name === null ? null : String(r.name),
    };
    if (r.reasons !== null) {
      active.push({ ...base, reasons: JSON.parse(String(r.reasons)) as string[] });
      continue;
    }
    const filters = JSON.parse(String(r.filters)) as Record<string, unknown>;
    if (Object.keys(filters).length > 0) continue;
    const [match] = affectedCustomers({ area: JSON.parse(String(r.area)) as EventArea }, [
      { id: "caller", phone: callerPhone, region },
    ]);
    if (match) active.push({ ...base, reasons: match.reasons });
  }
  return active;
}
