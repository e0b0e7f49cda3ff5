import { trackingNumbers } from "../geo/numbers";
import { playPlan } from "../run/engine";
import type { Scenario } from "../scenario/schema";
import { type Metrics, scoreMatcher } from "../score/metrics";
import { oracleParams } from "../score/oracle";
import { baselinePredictions, corePredictions } from "../score/prediction";
import { estimatedRateMatching, oracleRateMatching } from "../score/rate";
import { regionWeights } from "../traffic/plan";
import type { TrafficPlan } from "../traffic/types";
import { ModelDni } from "./model-dni";

export interface PointResult {
  pool: number;
  /**
   * What the server runs by default (`auto`): core's rate model (match/rate.ts) with rates
   * estimated by EM from this point's own calls and leases; caller-side m/u at the defaults.
   * (The server matches an account's first 50 calls with `fs` and re-fits every 50 calls.)
   */
  ours: Metrics;
  /** Core's Fellegi–Sunter scoreCall with DEFAULT_MATCH_PARAMS. */
  fs: Metrics;
  baseline: Metrics;
  /** FS with m/u counted from the truth, and every earlier caller's true session known. */
  oracle: Metrics;
  /**
   * The true parameters over the same observations as ours (caller history from its own
   * earlier answers, not from the truth): the gap to it is what parameter estimation costs;
   * the rest of the gap to `oracle` is what knowing every earlier caller's session is worth.
   */
  oracle_same_data: Metrics;
  /** The rate model with rates and m/u from the truth, on what ours observes. */
  rate_oracle: Metrics;
}

/**
 * One sweep point in process: the plan played against the model of the server's assignment
 * with a pool of `pool` numbers, then scored by both of core's matchers, the last-holder
 * baseline and the truth-parameterised oracles over the same calls.
 */
export async function runPoint(
  scenario: Scenario,
  plan: TrafficPlan,
  pool: number,
  window: PointWindow = {
    from: plan.start,
    scored: plan.start,
    to: plan.start + scenario.days * 86_400_000,
  },
): Promise<PointResult> {
  const numbers = trackingNumbers(pool, regionWeights(scenario), scenario.pool.local_share);
  const dni = new ModelDni(numbers, scenario.pool.hold_s * 1000);
  const run = await playPlan(scenario, plan, dni, { windowMs: 0, concurrency: 1 });
  const { calls, ledger } = run;
  const truthParams = oracleParams(calls, ledger);
  const fit = { from: window.from, to: window.to };
  const rate = estimatedRateMatching(calls, ledger, fit).predictions;
  const rateOracle = oracleRateMatching(calls, ledger, fit, truthParams, "own").predictions;
  // Every matcher walks all calls (earlier answers link callers); the warm-up's are not scored.
  const scored = calls.filter((c) => c.at >= window.scored);
  return {
    pool,
    ours: scoreMatcher(scored, rate, ledger),
    fs: scoreMatcher(scored, corePredictions(calls, ledger), ledger),
    baseline: scoreMatcher(scored, baselinePredictions(calls), ledger),
    oracle: scoreMatcher(scored, corePredictions(calls, ledger, truthParams, "truth"), ledger),
    oracle_same_data: scoreMatcher(scored, corePredictions(calls, ledger, truthParams), ledger),
    rate_oracle: scoreMatcher(scored, rateOracle, ledger),
  };
}

/** A point's traffic: played from `from`, scored from `scored`, rates fitted over [from, to). */
export interface PointWindow {
  from: number;
  scored: number;
  to: number;
}
