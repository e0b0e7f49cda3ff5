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
/**
 * The defaults count as this many calls of evidence when an estimate is stored: the estimate
 * is mixed with them in proportion n / (n + PRIOR_CALLS). Unsupervised EM over tens or hundreds
 * of calls, each with dozens of candidates, drifts to a degenerate fit (the live, most recent
 * holder is "the match", every older session a non-match, and P(none) climbs past 0.5): in the
 * simulator it cost 8–14 points of top-1 against the defaults. It is the model's optimum, not
 * a stuck start: EM started from the truth-fitted parameters ends at the same fit, with a
 * higher likelihood than the truth (`pnpm sim --estimators`). The mixture keeps a small
 * account near the documented defaults and lets a large one move towards its own estimate.
 */
export const PRIOR_CALLS = 2_000;

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
  estimate.params = shrinkToDefaults(estimate.params, calls.length);
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

/**
 * The estimate mixed with DEFAULT_MATCH_PARAMS, weight n / (n + PRIOR_CALLS) on the estimate:
 * every m and u table stays a distribution, and P(none) moves by the same share.
 */
export function shrinkToDefaults(estimate: MatchParams, calls: number): MatchParams {
  const w = calls <= 0 ? 0 : calls / (calls + PRIOR_CALLS);
  const mix = (est: Readonly<Record<string, number>>, def: Readonly<Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(def).map(([level, d]) => [level, w * (est[level] ?? d) + (1 - w) * d]),
    );
  const features = Object.fromEntries(
    Object.entries(DEFAULT_MATCH_PARAMS.features).map(([feature, def]) => {
      const est = estimate.features[feature as keyof MatchParams["features"]];
      return [feature, { m: mix(est.m, def.m), u: mix(est.u, def.u) }];
    }),
  ) as unknown as MatchParams["features"];
  return { none: w * estimate.none + (1 - w) * DEFAULT_MATCH_PARAMS.none, features };
}
