export { seededRandom } from "../seeded";
export { areaCodesFor } from "./areas";
export { betaCdf, betaQuantile, sampleBeta } from "./beta";
export {
  CHARACTERISTICS,
  type Characteristic,
  characteristicKey,
  leaseCharacteristic,
  NEW_NUMBER_DAYS,
  type NumberCharacteristics,
  type NumberFacts,
  numberCharacteristics,
  type VisitorPlace,
} from "./characteristics";
export { type HoldTimeOptions, isCoolingDown, learnHoldTime, quarantineUntil } from "./hold";
export {
  type BetaArm,
  type BetaPrior,
  enoughEvidence,
  type LeaseOutcome,
  type Posterior,
  type PreferenceInput,
  posterior,
  posteriors,
  preferCharacteristic,
  thompsonChoose,
  UNIFORM_PRIOR,
} from "./learning";
export { type Lift, lift } from "./lift";
export { preferClaims } from "./prefer-claims";
export {
  type AddNumbers,
  type Move,
  type OptimizerNumber,
  type Recommendations,
  type RecommendInput,
  type RegionVisitors,
  type RetireOrQuarantine,
  recommend,
} from "./recommend";
export {
  type ExhaustionEvent,
  type HourUtilization,
  type LeaseInterval,
  type PoolHistory,
  type PoolReport,
  poolReport,
} from "./report";
export {
  type CallRecord,
  type Reputation,
  type ReputationOptions,
  type ReputationReason,
  reputation,
} from "./reputation";
export {
  type AccuracyPoint,
  type HourlyLoad,
  monthlyCost,
  poolSizing,
  type SizeOption,
  type Sizing,
  type SizingInput,
  sizeForAccuracy,
} from "./sizing";
