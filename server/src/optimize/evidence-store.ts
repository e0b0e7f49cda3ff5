import {
  type BetaArm,
  type Characteristic,
  leaseCharacteristic,
  type Posterior,
  posterior,
} from "@ringtrail/core/optimize";
import type { Queryable } from "@ringtrail/db";

/** A call counts as following a lease when matching gave the lease's session this much. */
const MATCHED = 0.5;

export type ChannelArms = Map<string, (BetaArm & Pick<Posterior, "leases">)[]>;

/**
 * Sessions and numbers whose calls matching tied together, since `since`. A CTE so the
 * lease scan joins a small set instead of probing call_matches (keyed by call) per lease.
 */
const MATCHED_PAIRS = `matched AS (
  SELECT DISTINCT cm.session_id, c.number_id FROM calls c
  JOIN call_matches cm ON cm.call_id = c.id
  WHERE c.account_id = ? AND c.started_at >= ? AND c.is_test = 0 AND cm.probability >= ${MATCHED})`;

/**
 * Leases and the calls that followed them, per channel and characteristic, for one site's
 * exclusive leases since `since`: the counts Thompson sampling and the report draw from.
 * Grouped in SQL by the raw facts (a few rows), then classified by core.
 */
export async function readPosteriors(
  client: Queryable,
  site: { id: string; accountId: string },
  since: number,
): Promise<Posterior[]> {
  const res = await client.execute({
    sql: `WITH ${MATCHED_PAIRS}
      SELECT s.channel, n.kind, n.region AS n_region, s.region AS s_region,
        count(*) AS leases, count(m.session_id) AS calls
      FROM leases l
      JOIN sessions s ON s.id = l.session_id
      JOIN numbers n ON n.id = l.number_id
      LEFT JOIN matched m ON m.session_id = l.session_id AND m.number_id = l.number_id
      WHERE l.account_id = ? AND s.site_id = ? AND l.assigned_at >= ? AND l.kind = 'exclusive'
      GROUP BY 1, 2, 3, 4`,
    args: [site.accountId, since, site.accountId, site.id, since],
  });
  const counts = new Map<string, { channel: string; c: Characteristic; n: number; k: number }>();
  for (const r of res.rows) {
    const channel = String(r.channel);
    const c = leaseCharacteristic(
      r.kind as "local" | "toll_free",
      r.n_region === null ? null : String(r.n_region),
      r.s_region === null ? null : String(r.s_region),
    );
    const key = `${channel}\u0000${c}`;
    const entry = counts.get(key) ?? { channel, c, n: 0, k: 0 };
    entry.n += Number(r.leases);
    entry.k += Number(r.calls);
    counts.set(key, entry);
  }
  return [...counts.values()]
    .map((e) => posterior(e.channel, e.c, e.n, e.k))
    .sort((a, b) =>
      a.channel === b.channel
        ? a.characteristic.localeCompare(b.characteristic)
        : a.channel.localeCompare(b.channel),
    );
}

/** Posteriors grouped by channel, as the assignment policy looks them up. */
export function armsByChannel(list: readonly Posterior[]): ChannelArms {
  const out: ChannelArms = new Map();
  for (const p of list) {
    const arms = out.get(p.channel) ?? [];
    arms.push({ characteristic: p.characteristic, a: p.a, b: p.b, leases: p.leases });
    out.set(p.channel, arms);
  }
  return out;
}

/**
 * Milliseconds from a session's last activity on a number to the matched call to it (0 when
 * the call came while the page was still active), one per call, newest first.
 */
export async function readCallDelays(
  client: Queryable,
  site: { id: string; accountId: string },
  since: number,
  limit = 10_000,
): Promise<number[]> {
  const res = await client.execute({
    sql: `SELECT max(0, c.started_at - max(l.last_seen_at)) AS delay
      FROM calls c
      JOIN call_matches cm ON cm.call_id = c.id
      JOIN leases l ON l.session_id = cm.session_id AND l.number_id = c.number_id
      JOIN sessions s ON s.id = l.session_id
      WHERE c.account_id = ? AND c.started_at >= ? AND c.is_test = 0
        AND cm.probability >= ${MATCHED} AND s.site_id = ? AND l.assigned_at <= c.started_at
      GROUP BY c.id ORDER BY c.started_at DESC LIMIT ?`,
    args: [site.accountId, since, site.id, limit],
  });
  return res.rows.map((r) => Number(r.delay));
}
