import type { Client } from "@libsql/client";
import {
  type CallLevels,
  DEFAULT_MATCH_PARAMS,
  estimateMatchParams,
  type MatchLevels,
  type MatchParams,
} from "@ringtrail/core/match";

/** EM fits to at most this many of the account's latest matched calls. */
const MAX_CALLS = 5_000;

const LEVELS_SQL = `SELECT m.call_id, m.levels FROM (
    SELECT id, match_phase FROM calls
    WHERE account_id = ? AND is_test = 0 AND match_phase IS NOT NULL
    ORDER BY started_at DESC LIMIT ${MAX_CALLS}
  ) c JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase
  WHERE m.levels IS NOT NULL`;

export interface EstimateResult {
  callsUsed: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  params: MatchParams;
}

/**
 * Re-estimates an account's match parameters by EM over its own calls' comparison vectors
 * (the latest phase of each, test calls left out), starting from the defaults, and stores
 * them. Calls without session candidates carry no information and are not counted.
 */
export async function reestimateAccount(
  client: Client,
  accountId: string,
  now: number,
): Promise<EstimateResult> {
  const res = await client.execute({ sql: LEVELS_SQL, args: [accountId] });
  const byCall = new Map<string, MatchLevels[]>();
  for (const row of res.rows) {
    const id = String(row.call_id);
    const levels = JSON.parse(String(row.levels)) as MatchLevels;
    const list = byCall.get(id);
    if (list) list.push(levels);
    else byCall.set(id, [levels]);
  }
  const calls: CallLevels[] = [...byCall.values()].map((candidates) => ({ candidates }));
  const estimate = estimateMatchParams(calls, DEFAULT_MATCH_PARAMS);
  const logLikelihood = Number.isFinite(estimate.logLikelihood) ? estimate.logLikelihood : null;
  await client.execute({
    sql: `INSERT INTO match_params (account_id, params, calls_used, log_likelihood, ended_calls, updated_at)
      VALUES (?, ?, ?, ?, 0, ?)
      ON CONFLICT (account_id) DO UPDATE SET params = excluded.params, calls_used = excluded.calls_used,
        log_likelihood = excluded.log_likelihood, updated_at = excluded.updated_at`,
    args: [accountId, JSON.stringify(estimate.params), calls.length, logLikelihood, now],
  });
  return {
    callsUsed: calls.length,
    logLikelihood: estimate.logLikelihood,
    iterations: estimate.iterations,
    converged: estimate.converged,
    params: estimate.params,
  };
}
