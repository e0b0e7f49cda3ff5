export {
  HOLDER_WINDOWS,
  type HolderWindow,
  LINK_PROBABILITY,
  LINKED_LOOKBACK_MS,
  MAX_LINKED,
} from "./candidates";
export { comparisonVector, delaySinceSeen } from "./compare";
export {
  type CallLevels,
  type EstimateOptions,
  estimateMatchParams,
  type MatchEstimate,
} from "./estimate";
export {
  FEATURE_LEVELS,
  FEATURE_NAMES,
  type FeatureName,
  type LevelOf,
  type MatchLevels,
} from "./levels";
export {
  DEFAULT_MATCH_PARAMS,
  type FeatureParams,
  type LevelProbabilities,
  type MatchParams,
} from "./params";
export { type Posterior, posterior } from "./posterior";
export {
  callerEvidence,
  DEFAULT_RATE_PARAMS,
  delayDensity,
  IN_SESSION_MS,
  LOOKBACK_MS,
  pairFromLevels,
  RATE_HORIZON_MS,
  RATE_LOOKBACK_MS,
  type RatePair,
  type RateParams,
  type RatePosterior,
  type RateScore,
  type RateScoredCandidate,
  ratePair,
  ratePosterior,
  repeatRate,
  scoreCallByRate,
  sessionRate,
} from "./rate";
export {
  backgroundFor,
  estimateRates,
  expectation,
  type LeaseSpan,
  labelledCounts,
  maximization,
  type RateCounts,
  type RateEstimate,
  type RateExposure,
  rateExposure,
  rateExposureFromCounts,
} from "./rate-estimate";
export {
  type CallScore,
  contributions,
  type FeatureContribution,
  matchWeight,
  partialWeight,
  type ScoredCandidate,
  scoreCall,
} from "./score";
export type { CallForMatch, Candidate, LineType } from "./types";
