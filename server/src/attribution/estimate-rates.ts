import type { Client } from "@libsql/client";
import {
  DEFAULT_MATCH_PARAMS,
  DEFAULT_RATE_PARAMS,
  estimateRates,
  IN_SESSION_MS,
  LINK_PROBABILITY,
  LINKED_LOOKBACK_MS,
  type MatchLevels,
  pairFromLevels,
  RATE_HORIZON_MS,
  type RatePair,
  type RateParams,
  rateExposureFromCounts,
} from "@ringtrail/core/match";

const DAY = 86_400_000;
/** The rates are fitted to the last 30 days of calls and leases, at most this many calls. */
const WINDOW_MS = 30 * DAY;
const MAX_CALLS = 5_000;

/**
 * The latest phase of each call in the window, with its session candidates' levels and delays.
 * A call with no candidate rows keeps one row of NULLs: it counts towards the background.
 */
const CALLS_SQL = `SELECT c.id, c.started_at, c."from", m.levels, m.delay_ms FROM (
    SELECT id, started_at, "from", match_phase FROM calls
    WHERE account_id = ? AND is_test = 0 AND match_phase IS NOT NULL AND started_at >= ? AND started_at <= ?
    ORDER BY started_at DESC LIMIT ${MAX_CALLS}
  ) c LEFT JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase AND m.levels IS NOT NULL`;

const LEASES_SQL = `SELECT COUNT(DISTINCT number_id) AS numbers,
    SUM(MAX(0, MIN(last_seen_at + ${IN_SESSION_MS}, ?) - MAX(assigned_at, ?))) AS in_session_ms
  FROM leases WHERE account_id = ? AND last_seen_at >= ? AND assigned_at < ?`;

/** Sessions by whole minutes from their last heartbeat to the window's end (at most 30 days). */
const SPANS_SQL = `SELECT MIN(${RATE_HORIZON_MS / 60_000}, (? - last_seen_at) / 60000) AS minutes, COUNT(*) AS n
  FROM leases WHERE account_id = ? AND last_seen_at >= ? AND last_seen_at < ? GROUP BY minutes`;

/** When each caller was first tied to each visitor (LINK_PROBABILITY, as loadCandidates). */
const LINKS_SQL = `SELECT MIN(c.started_at) AS at FROM calls c
  JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase
  JOIN sessions s ON s.id = m.session_id
  WHERE c.account_id = ? AND c.is_test = 0 AND c.started_at >= ? AND c.started_at <= ?
    AND m.probability >= ${LINK_PROBABILITY} AND s.visitor_id IS NOT NULL
  GROUP BY c."from", s.visitor_id`;

export interface RatesEstimate {
  callsUsed: number;
  iterations: number;
  converged: boolean;
  rates: RateParams;
}

/**
 * Fits the rate model (core match/rate.ts) to an account's last 30 days by EM and stores the
 * rates: each call's candidates as stored when it was matched (levels and delay), the leases'
 * exposure from two aggregate scans, and the caller links (LINK_PROBABILITY). Calls matched
 * before delays were stored are left out; leases are scanned by account, off the call path.
 * P(no session) is held to average the documented 15% (DEFAULT_MATCH_PARAMS.none): left
 * free, the background swallows the delay's tail and a third of calls go unattributed.
 */
export async function reestimateRates(
  client: Client,
  accountId: string,
  now: number,
): Promise<RatesEstimate> {
  const rows = (await client.execute({ sql: CALLS_SQL, args: [accountId, now - WINDOW_MS, now] }))
    .rows;
  const calls = new Map<string, { at: number; from: string; pairs: RatePair[] | null }>();
  for (const row of rows) {
    const id = String(row.id);
    let call = calls.get(id);
    if (!call) {
      call = { at: Number(row.started_at), from: String(row.from), pairs: [] };
      calls.set(id, call);
    }
    if (row.levels === null || call.pairs === null) continue;
    if (row.delay_ms === null) {
      call.pairs = null;
      continue;
    }
    call.pairs.push(
      pairFromLevels(JSON.parse(String(row.levels)) as MatchLevels, Number(row.delay_ms)),
    );
  }
  const used = [...calls.values()].filter((c) => c.pairs !== null);
  // With the call cap reached the window starts at the oldest call used.
  const from =
    calls.size >= MAX_CALLS ? Math.min(...[...calls.values()].map((c) => c.at)) : now - WINDOW_MS;
  const [leases, spans, links] = await Promise.all([
    client.execute({ sql: LEASES_SQL, args: [now, from, accountId, from, now] }),
    client.execute({ sql: SPANS_SQL, args: [now, accountId, from, now] }),
    client.execute({ sql: LINKS_SQL, args: [accountId, from, now] }),
  ]);
  const exposure = rateExposureFromCounts({
    from,
    to: now,
    inSessionMs: Number(leases.rows[0]?.in_session_ms ?? 0),
    numbers: Number(leases.rows[0]?.numbers ?? 0),
    spans: spans.rows.map((r) => ({ ms: Number(r.minutes) * 60_000, count: Number(r.n) })),
    links: links.rows.map((r) => Number(r.at)),
    // A linked visitor's latest session stays a candidate this long (loadCandidates).
    linkLookbackMs: LINKED_LOOKBACK_MS,
    callers: new Set(used.map((c) => c.from)).size,
  });
  const estimate = estimateRates(
    used.map((c) => c.pairs ?? []),
    exposure,
    DEFAULT_RATE_PARAMS,
    { noneShare: DEFAULT_MATCH_PARAMS.none },
  );
  await client.execute({
    sql: `INSERT INTO match_params (account_id, params, calls_used, ended_calls, updated_at, rates, rates_calls_used, rates_estimated_at)
      VALUES (?, NULL, 0, 0, ?, ?, ?, ?)
      ON CONFLICT (account_id) DO UPDATE SET rates = excluded.rates,
        rates_calls_used = excluded.rates_calls_used, rates_estimated_at = excluded.rates_estimated_at`,
    args: [accountId, now, JSON.stringify(estimate.params), used.length, now],
  });
  return {
    callsUsed: used.length,
    iterations: estimate.iterations,
    converged: estimate.converged,
    rates: estimate.params,
  };
}
