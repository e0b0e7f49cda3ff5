import { capMax, floorMin, smoothed } from "./distribution";
import { FEATURE_LEVELS, FEATURE_NAMES, type FeatureName, type MatchLevels } from "./levels";
import { DEFAULT_MATCH_PARAMS, type MatchParams } from "./params";
import { posterior } from "./posterior";
import { matchWeight } from "./score";

/** One call's comparison vectors, one per candidate session. */
export interface CallLevels {
  candidates: readonly MatchLevels[];
}

export interface EstimateOptions {
  /** Default 200. */
  maxIterations?: number;
  /** Stop when the objective rises by less than tolerance × (1 + |objective|). Default 1e-10. */
  tolerance?: number;
  /** Laplace pseudo-count added to every level of m and u. Default 1. */
  pseudoCount?: number;
  /** Cap on any m (reclin2's mprob_max). Default 0.999. */
  maxM?: number;
  /** Floor on any u (reclin2's uprob_min). Default 1e-4. */
  minU?: number;
  /**
   * Pairs known not to match, e.g. the call against sessions that held other numbers
   * (attribution-math.md 1.4 a). When given, u is counted from them once and EM fits m only.
   */
  nonMatches?: readonly MatchLevels[];
  /** Re-estimate the null prior too. Default true. */
  estimateNone?: boolean;
}

export interface MatchEstimate {
  params: MatchParams;
  /** M-steps taken. */
  iterations: number;
  converged: boolean;
  /** Log-likelihood of the calls under `params` (natural log). */
  logLikelihood: number;
  /**
   * The objective EM climbs, per iteration from the initial parameters: log-likelihood plus
   * the log of the Dirichlet prior that the pseudo-counts stand for. It does not fall, except
   * where a cap or floor had to move a probability.
   */
  trace: number[];
}

type Table = Record<string, number>;
type Counts = Record<FeatureName, { m: Table; u: Table }>;

/**
 * Fits m, u and the null prior to an account's own calls, without labels, by EM over the
 * one-link-per-call mixture (attribution-math.md 1.3, 1.4 c): the E-step gives each candidate
 * its posterior as `scoreCall` does, the M-step counts levels weighted by the posterior (m)
 * and by its complement (u). Calls without candidates carry no information and are skipped.
 *
 * @example
 * const { params } = estimateMatchParams(calls.map((c) => ({ candidates: c.levels })));
 */
export function estimateMatchParams(
  calls: readonly CallLevels[],
  initial: MatchParams = DEFAULT_MATCH_PARAMS,
  options: EstimateOptions = {},
): MatchEstimate {
  const {
    maxIterations = 200,
    tolerance = 1e-10,
    pseudoCount = 1,
    maxM = 0.999,
    minU = 1e-4,
    nonMatches,
    estimateNone = true,
  } = options;
  const informative = calls.filter((call) => call.candidates.length > 0);
  const fixedU = nonMatches === undefined ? null : uFromNonMatches(nonMatches, pseudoCount, minU);

  let params = initial;
  const trace: number[] = [];
  let iterations = 0;
  let converged = false;
  for (;;) {
    const { counts, noneMass, logLikelihood } = expectation(informative, params);
    const objective = logLikelihood + logPrior(params, pseudoCount, fixedU === null);
    const previous = trace.at(-1);
    trace.push(objective);
    if (previous !== undefined && objective - previous <= tolerance * (1 + Math.abs(objective))) {
      converged = true;
    }
    if (converged || iterations >= maxIterations || informative.length === 0) {
      return { params, iterations, converged, logLikelihood, trace };
    }
    params = maximization(counts, fixedU, {
      none: estimateNone ? noneMass / informative.length : params.none,
      pseudoCount,
      maxM,
      minU,
    });
    iterations++;
  }
}

function expectation(calls: readonly CallLevels[], params: MatchParams) {
  const counts = emptyCounts();
  let noneMass = 0;
  let logLikelihood = 0;
  for (const call of calls) {
    const post = posterior(
      call.candidates.map((levels) => matchWeight(levels, params)),
      params.none,
    );
    noneMass += post.none;
    logLikelihood += post.logEvidence;
    call.candidates.forEach((levels, i) => {
      const g = post.candidates[i] ?? 0;
      for (const feature of FEATURE_NAMES) {
        const level = levels[feature];
        const c = counts[feature];
        c.m[level] = (c.m[level] ?? 0) + g;
        c.u[level] = (c.u[level] ?? 0) + (1 - g);
        // The posterior is relative to "all candidates are non-matches"; add that baseline.
        logLikelihood += Math.log(uOf(params, feature, level));
      }
    });
  }
  return { counts, noneMass, logLikelihood };
}

function maximization(
  counts: Counts,
  fixedU: Readonly<Record<FeatureName, Table>> | null,
  o: { none: number; pseudoCount: number; maxM: number; minU: number },
): MatchParams {
  const features = {} as Record<FeatureName, { m: Table; u: Table }>;
  for (const feature of FEATURE_NAMES) {
    const levels = FEATURE_LEVELS[feature] as readonly string[];
    const { m, u } = counts[feature];
    const mp = capMax(
      smoothed(
        levels.map((l) => m[l] ?? 0),
        o.pseudoCount,
      ),
      o.maxM,
    );
    features[feature] = {
      m: tableOf(levels, mp),
      u: fixedU?.[feature] ?? uTable(levels, u, o.pseudoCount, o.minU),
    };
  }
  return { none: o.none, features: features as unknown as MatchParams["features"] };
}

function uTable(levels: readonly string[], counts: Table, pseudoCount: number, minU: number) {
  return tableOf(
    levels,
    floorMin(
      smoothed(
        levels.map((l) => counts[l] ?? 0),
        pseudoCount,
      ),
      minU,
    ),
  );
}

/** u per feature counted from guaranteed non-matches; EM then leaves it alone. */
function uFromNonMatches(
  pairs: readonly MatchLevels[],
  pseudoCount: number,
  minU: number,
): Record<FeatureName, Table> {
  const out = {} as Record<FeatureName, Table>;
  for (const feature of FEATURE_NAMES) {
    const counts: Table = {};
    for (const levels of pairs) counts[levels[feature]] = (counts[levels[feature]] ?? 0) + 1;
    out[feature] = uTable(FEATURE_LEVELS[feature], counts, pseudoCount, minU);
  }
  return out;
}

/** log Dirichlet(1 + pseudoCount) density up to a constant: what MAP-EM maximises with the data. */
function logPrior(params: MatchParams, pseudoCount: number, includeU: boolean): number {
  if (pseudoCount === 0) return 0;
  let total = 0;
  for (const feature of FEATURE_NAMES) {
    for (const level of FEATURE_LEVELS[feature] as readonly string[]) {
      total += pseudoCount * Math.log(mOf(params, feature, level));
      if (includeU) total += pseudoCount * Math.log(uOf(params, feature, level));
    }
  }
  return total;
}

function emptyCounts(): Counts {
  const counts = {} as Counts;
  for (const feature of FEATURE_NAMES) counts[feature] = { m: {}, u: {} };
  return counts;
}

function tableOf(levels: readonly string[], values: readonly number[]): Table {
  const table: Table = {};
  levels.forEach((level, i) => {
    table[level] = values[i] ?? 0;
  });
  return table;
}

function mOf(params: MatchParams, feature: FeatureName, level: string): number {
  return (params.features[feature].m as Readonly<Table>)[level] ?? 0;
}

function uOf(params: MatchParams, feature: FeatureName, level: string): number {
  return (params.features[feature].u as Readonly<Table>)[level] ?? 0;
}
