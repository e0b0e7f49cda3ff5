export {
  type CreditCallInput,
  creditCall,
  type DataDrivenModelName,
  MODEL_NAMES,
  type ModelName,
  type ModelOptions,
  modelWeights,
  type TouchCredit,
  train,
} from "./credit";
export { trainMarkov } from "./markov";
export {
  DEFAULT_HALF_LIFE_MS,
  firstTouch,
  lastTouch,
  linear,
  positionBased,
  timeDecay,
} from "./rules";
export { type Coalition, type ShapleyOptions, shapleyValues, trainShapley } from "./shapley";
export {
  buildJourney,
  DEFAULT_LOOKBACK_MS,
  keyOf,
  NO_VALUE,
  type Touch,
  type TouchKey,
} from "./touch";
export {
  type MarkovModel,
  type ShapleyModel,
  type TrainedModel,
  type TrainingJourney,
  weightsFromImportance,
} from "./trained";
