import { comparisonVector } from "./compare";
import { FEATURE_NAMES, type FeatureName, type LevelOf, type MatchLevels } from "./levels";
import { DEFAULT_MATCH_PARAMS, type MatchParams } from "./params";
import { posterior } from "./posterior";
import type { CallForMatch, Candidate } from "./types";

/** One feature's partial match weight, log2(m/u): what `/explain` shows per feature. */
export interface FeatureContribution {
  feature: FeatureName;
  level: LevelOf<FeatureName>;
  weight: number;
}

export interface ScoredCandidate {
  sessionId: string;
  levels: MatchLevels;
  /**
   * Match weight in bits, Σ log2(m/u) over the features (the sum of `contributions`). The
   * prior is left out: it is the same for every candidate of a call, so it does not rank them.
   */
  weight: number;
  /** Posterior probability that this session produced the call. */
  probability: number;
  contributions: FeatureContribution[];
}

export interface CallScore {
  /** Most probable first; ties keep the input order. */
  candidates: ScoredCandidate[];
  /** Posterior probability that no candidate produced the call. */
  none: number;
}

/** Partial match weights of a comparison vector, in feature order. */
export function contributions(levels: MatchLevels, params: MatchParams): FeatureContribution[] {
  return FEATURE_NAMES.map((feature) => {
    const level = levels[feature];
    return { feature, level, weight: partialWeight(params, feature, level) };
  });
}

/** Σ log2(m/u) over the features of a comparison vector. */
export function matchWeight(levels: MatchLevels, params: MatchParams): number {
  let total = 0;
  for (const feature of FEATURE_NAMES) total += partialWeight(params, feature, levels[feature]);
  return total;
}

/** log2(m/u) of one feature's level; 0 for a level neither class produces. */
export function partialWeight(params: MatchParams, feature: FeatureName, level: string): number {
  const table = params.features[feature] as {
    m: Readonly<Record<string, number>>;
    u: Readonly<Record<string, number>>;
  };
  const m = table.m[level] ?? 0;
  const u = table.u[level] ?? 0;
  // A level neither class produces carries no evidence either way.
  if (m === 0 && u === 0) return 0;
  return Math.log2(m / u);
}

/**
 * Scores every candidate session for a call and turns the scores into probabilities over the
 * candidates plus "no session", so a call with no convincing candidate stays unattributed.
 *
 * @example
 * const { candidates, none } = scoreCall(call, leasesOfDialedNumber);
 * // candidates[0].probability + … + none === 1
 */
export function scoreCall(
  call: CallForMatch,
  candidates: readonly Candidate[],
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): CallScore {
  const scored = candidates.map((candidate) => {
    const levels = comparisonVector(call, candidate);
    const parts = contributions(levels, params);
    let weight = 0;
    for (const part of parts) weight += part.weight;
    return { sessionId: candidate.sessionId, levels, weight, probability: 0, contributions: parts };
  });
  const post = posterior(
    scored.map((s) => s.weight),
    params.none,
  );
  scored.forEach((s, i) => {
    s.probability = post.candidates[i] ?? 0;
  });
  // Array.prototype.sort is stable, so equal probabilities keep the input order.
  scored.sort((a, b) => b.probability - a.probability);
  return { candidates: scored, none: post.none };
}
