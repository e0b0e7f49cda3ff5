import type {
  CallRecord,
  LeaseInterval,
  OptimizerNumber,
  RegionVisitors,
} from "@ringtrail/core/optimize";
import type { Queryable } from "@ringtrail/db";

const DAY_MS = 86_400_000;

export interface SiteNumbers {
  numbers: (OptimizerNumber & { e164: string; leasedUntil: number })[];
}

/**
 * Every number of a site's pools, as the optimizer sees it. `retiredAt` is put back from
 * `quarantined_until` so that core's cooling rule ends on the same instant as the clock.
 */
export async function readSiteNumbers(
  client: Queryable,
  accountId: string,
  poolIds: readonly string[],
  quarantineDays: number,
): Promise<SiteNumbers["numbers"]> {
  if (poolIds.length === 0) return [];
  const res = await client.execute({
    sql: `SELECT id, pool_id, e164, kind, region, status, created_at, quarantined_until, leased_until
      FROM numbers WHERE account_id = ? AND pool_id IN (${poolIds.map(() => "?").join(", ")})`,
    args: [accountId, ...poolIds],
  });
  return res.rows.map((r) => ({
    id: String(r.id),
    poolId: String(r.pool_id),
    e164: String(r.e164),
    kind: r.kind as OptimizerNumber["kind"],
    region: r.region === null ? null : String(r.region),
    status: r.status as OptimizerNumber["status"],
    createdAt: Number(r.created_at),
    retiredAt:
      r.quarantined_until === null ? null : Number(r.quarantined_until) - quarantineDays * DAY_MS,
    leasedUntil: Number(r.leased_until),
  }));
}

/** Leases of a pool's numbers overlapping [from, to), ended at their release if released early. */
export async function readPoolLeases(
  client: Queryable,
  poolId: string,
  from: number,
  to: number,
): Promise<LeaseInterval[]> {
  const res = await client.execute({
    sql: `SELECT l.number_id, l.assigned_at, min(l.until, coalesce(l.released_at, l.until)) AS ended
      FROM numbers n JOIN leases l ON l.number_id = n.id AND l.until > ? AND l.assigned_at < ?
      WHERE n.pool_id = ?`,
    args: [from, to, poolId],
  });
  return res.rows.map((r) => ({
    numberId: String(r.number_id),
    start: Number(r.assigned_at),
    end: Number(r.ended),
  }));
}

/** Sessions per pool and visitor region in [from, to): where each pool's visitors are. */
export async function readVisitorRegions(
  client: Queryable,
  siteId: string,
  from: number,
  to: number,
): Promise<RegionVisitors[]> {
  const res = await client.execute({
    sql: `SELECT pool_id, region, count(*) AS visitors FROM sessions
      WHERE site_id = ? AND started_at >= ? AND started_at < ? AND pool_id IS NOT NULL
        AND region IS NOT NULL
      GROUP BY pool_id, region ORDER BY pool_id, region`,
    args: [siteId, from, to],
  });
  return res.rows.map((r) => ({
    poolId: String(r.pool_id),
    region: String(r.region),
    visitors: Number(r.visitors),
  }));
}

/** Calls to the given pools' numbers since `since`, with the session matching gave them. */
export async function readNumberCalls(
  client: Queryable,
  accountId: string,
  poolIds: readonly string[],
  since: number,
): Promise<CallRecord[]> {
  if (poolIds.length === 0) return [];
  const res = await client.execute({
    sql: `SELECT c.number_id, c.started_at, coalesce(c.duration_s, 0) AS duration_s,
        c.answered_at IS NOT NULL AS answered, c."from" AS caller,
        (SELECT cm.session_id FROM call_matches cm WHERE cm.call_id = c.id AND cm.probability >= 0.5
          AND cm.session_id LIKE 'ses\\_%' ESCAPE '\\' LIMIT 1) AS session_id
      FROM calls c JOIN numbers n ON n.id = c.number_id
      WHERE c.account_id = ? AND c.started_at >= ? AND c.is_test = 0
        AND n.pool_id IN (${poolIds.map(() => "?").join(", ")})`,
    args: [accountId, since, ...poolIds],
  });
  return res.rows.map((r) => ({
    numberId: String(r.number_id),
    at: Number(r.started_at),
    durationS: Number(r.duration_s),
    answered: Number(r.answered) === 1,
    sessionId: r.session_id === null ? null : String(r.session_id),
    caller: r.caller === "anonymous" ? null : String(r.caller),
  }));
}

export interface RecordedExhaustion {
  minute: number;
  shared: number;
  fallback: number;
}

/** Visits that found the pool exhausted, per minute, in [from, to). */
export async function readExhaustions(
  client: Queryable,
  poolId: string,
  from: number,
  to: number,
): Promise<RecordedExhaustion[]> {
  const res = await client.execute({
    sql: "SELECT minute, shared, fallback FROM pool_exhaustions WHERE pool_id = ? AND minute >= ? AND minute < ? ORDER BY minute",
    args: [poolId, from, to],
  });
  return res.rows.map((r) => ({
    minute: Number(r.minute),
    shared: Number(r.shared),
    fallback: Number(r.fallback),
  }));
}
