export { comparisonVector } from "./compare";
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
  type CallScore,
  contributions,
  type FeatureContribution,
  matchWeight,
  type ScoredCandidate,
  scoreCall,
} from "./score";
export type { CallForMatch, Candidate, LineType } from "./types";
