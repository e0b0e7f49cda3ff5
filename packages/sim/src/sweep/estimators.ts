import {
  type CallLevels,
  comparisonVector,
  DEFAULT_MATCH_PARAMS,
  estimateMatchParams,
  FEATURE_NAMES,
  type FeatureName,
  type MatchParams,
} from "@ringtrail/core/match";
import { trackingNumbers } from "../geo/numbers";
import { Rng } from "../random";
import { playPlan } from "../run/engine";
import { scoreMatcher } from "../score/metrics";
import { oracleParams } from "../score/oracle";
import { coreMatching, corePredictions } from "../score/prediction";
import { generatePlan, regionWeights } from "../traffic/plan";
import type { CallTruth } from "../truth/calls";
import type { Ledger } from "../truth/ledger";
import { sweepScenario } from "./grid";
import { ModelDni } from "./model-dni";

/** Top-1 accuracy (share of session calls) of one set of parameters. */
type Top1 = number;

export interface EstimatorPoint {
  delay_median_min: number;
  pool: number;
  top1: { defaults: Top1; em: Top1; oracle_same_data: Top1; oracle: Top1 };
  /**
   * Log-likelihood of the calls' comparison vectors under the one-link-per-call model (natural
   * log, no prior). EM started from the truth-fitted parameters ends where EM from the
   * defaults does, above the truth: the model prefers a wrong fit, so no start or iteration
   * count can fix it.
   */
  log_likelihood: { defaults: number; truth: number; em: number; em_from_truth: number };
  /** Top-1 of the defaults with one feature's m and u taken from the truth: what each is worth. */
  ablation: Record<FeatureName, Top1>;
}

const START = Date.UTC(2026, 0, 5);

/**
 * Why ours runs on documented defaults rather than EM (`pnpm sim --estimators`): for each
 * delay and pool size, top-1 of the defaults, of unsupervised EM over the same calls, and of
 * both oracles, with the likelihoods that show EM's fit is the model's optimum, not a stuck
 * start.
 */
export async function diagnoseEstimators(options: {
  seed: number;
  visitorsPerDay: number;
  days: number;
  delays: readonly number[];
  multiples: readonly number[];
  onPoint?: (done: number, total: number) => void;
}): Promise<EstimatorPoint[]> {
  const rule = options.visitorsPerDay / 20;
  const out: EstimatorPoint[] = [];
  for (const delay of options.delays) {
    const scenario = sweepScenario(options.visitorsPerDay, options.days, delay, Math.round(rule));
    const plan = generatePlan(scenario, START, new Map(), new Rng(options.seed));
    for (const multiple of options.multiples) {
      const pool = Math.round(rule * multiple);
      const numbers = trackingNumbers(pool, regionWeights(scenario), scenario.pool.local_share);
      const dni = new ModelDni(numbers, scenario.pool.hold_s * 1000);
      const { calls, ledger } = await playPlan(scenario, plan, dni, {
        windowMs: 0,
        concurrency: 1,
      });
      out.push(diagnosePoint(delay, pool, calls, ledger));
      options.onPoint?.(out.length, options.delays.length * options.multiples.length);
    }
  }
  return out;
}

function diagnosePoint(
  delay: number,
  pool: number,
  calls: readonly CallTruth[],
  ledger: Ledger,
): EstimatorPoint {
  const truth = oracleParams(calls, ledger);
  const levels = ownLevels(calls, ledger);
  const em = estimateMatchParams(levels, DEFAULT_MATCH_PARAMS).params;
  const top1 = (params: MatchParams, history: "own" | "truth" = "own") =>
    scoreMatcher(calls, corePredictions(calls, ledger, params, history), ledger).top1;
  const logLikelihood = (params: MatchParams) =>
    Math.round(
      estimateMatchParams(levels, params, { maxIterations: 0, pseudoCount: 0 }).logLikelihood,
    );
  const ablation = Object.fromEntries(
    FEATURE_NAMES.map((f) => [
      f,
      top1({
        ...DEFAULT_MATCH_PARAMS,
        features: { ...DEFAULT_MATCH_PARAMS.features, [f]: truth.features[f] },
      }),
    ]),
  ) as Record<FeatureName, Top1>;
  return {
    delay_median_min: delay,
    pool,
    top1: {
      defaults: top1(DEFAULT_MATCH_PARAMS),
      em: top1(em),
      oracle_same_data: top1(truth),
      oracle: top1(truth, "truth"),
    },
    log_likelihood: {
      defaults: logLikelihood(DEFAULT_MATCH_PARAMS),
      truth: logLikelihood(truth),
      em: logLikelihood(em),
      em_from_truth: logLikelihood(estimateMatchParams(levels, truth).params),
    },
    ablation,
  };
}

/**
 * The comparison vectors the server would hand EM: caller history from its own earlier
 * answers under the defaults (walkCalls), as stored in call_matches.
 */
function ownLevels(calls: readonly CallTruth[], ledger: Ledger): CallLevels[] {
  const { matches, candidates } = coreMatching(calls, ledger, DEFAULT_MATCH_PARAMS);
  return calls.map((call) => {
    const match = matches.get(call.sid) ?? call.match;
    const scored = candidates.get(call.sid) ?? call.candidates;
    return { candidates: scored.map((c) => comparisonVector(match, c)) };
  });
}

/** The diagnosis as a plain-text table, one row per point. */
export function estimatorTable(points: readonly EstimatorPoint[]): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const lines = [
    "delay(min)   pool  defaults      EM  same-data  oracle | log-lik: truth − EM   EM-from-truth − EM | defaults + truth's feature: " +
      FEATURE_NAMES.join(" / "),
  ];
  for (const p of points) {
    const ll = p.log_likelihood;
    lines.push(
      `${String(p.delay_median_min).padStart(10)} ${String(p.pool).padStart(6)}    ${pct(p.top1.defaults)}  ${pct(p.top1.em)}     ${pct(p.top1.oracle_same_data)}  ${pct(p.top1.oracle)} | ${String(ll.truth - ll.em).padStart(19)}   ${String(ll.em_from_truth - ll.em).padStart(18)} | ${FEATURE_NAMES.map((f) => pct(p.ablation[f]).trim()).join(" / ")}`,
    );
  }
  return lines.join("\n");
}
