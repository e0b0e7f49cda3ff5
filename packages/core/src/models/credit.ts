import { trainMarkov } from "./markov";
import {
  DEFAULT_HALF_LIFE_MS,
  firstTouch,
  lastTouch,
  linear,
  positionBased,
  timeDecay,
} from "./rules";
import { type ShapleyOptions, trainShapley } from "./shapley";
import { buildJourney, type Touch, type TouchKey } from "./touch";
import { type TrainedModel, type TrainingJourney, weightsFromImportance } from "./trained";

export const MODEL_NAMES = [
  "first",
  "last",
  "linear",
  "time_decay",
  "position",
  "markov",
  "shapley",
] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export type DataDrivenModelName = TrainedModel["model"];

/**
 * Fits a data-driven model to an account's journeys, once, for every call's credit.
 *
 * @example const state = train("markov", journeys); creditCall({ …, model: "markov", trained: state })
 */
export function train(
  model: DataDrivenModelName,
  journeys: readonly TrainingJourney[],
  options: ShapleyOptions & { groupBy?: TouchKey } = {},
): TrainedModel {
  return model === "markov" ? trainMarkov(journeys, options) : trainShapley(journeys, options);
}

export interface ModelOptions {
  /** State from `train`; required by markov and shapley. */
  trained?: TrainedModel;
  /** time_decay's half-life; default 7 days. */
  halfLifeMs?: number;
}

/** One weight per touch of a journey (sorted oldest first) under a model; they sum to 1. */
export function modelWeights(
  model: ModelName,
  journey: readonly Touch[],
  options: ModelOptions = {},
): number[] {
  switch (model) {
    case "first":
      return firstTouch(journey);
    case "last":
      return lastTouch(journey);
    case "linear":
      return linear(journey);
    case "time_decay":
      return timeDecay(journey, options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS);
    case "position":
      return positionBased(journey);
    case "markov":
    case "shapley": {
      const trained = options.trained;
      if (trained?.model !== model) {
        throw new Error(`model "${model}" needs its trained state (train("${model}", …))`);
      }
      const importance = trained.model === "markov" ? trained.removalEffects : trained.values;
      return weightsFromImportance(journey, importance, trained.groupBy);
    }
  }
}

export interface CreditCallInput extends ModelOptions {
  /** The call's candidate sessions with their posterior probabilities. */
  matches: readonly { sessionId: string; probability: number }[];
  /** The journey of the visitor behind a session, up to the call. */
  journeyOf: (sessionId: string) => readonly Touch[];
  model: ModelName;
  /** The call's time: when given, journeys are cut to the lookback before it. */
  at?: number;
  /** Default 30 days. */
  lookbackMs?: number;
}

export interface TouchCredit {
  touch: Touch;
  weight: number;
}

/**
 * A call's credit per touch: Σ over matched sessions of P(session) × the model's weights for
 * that session's journey. The weights sum to Σ P, the probability that the call is attributed
 * at all, less the probability of any session whose journey is empty. A touch reached through
 * several matches (two sessions of one visitor) appears once with the summed weight.
 *
 * @example
 * creditCall({ matches: score.candidates, journeyOf, model: "position", at: call.at })
 */
export function creditCall(input: CreditCallInput): TouchCredit[] {
  const credit = new Map<string, TouchCredit>();
  for (const { sessionId, probability } of input.matches) {
    if (!(probability > 0)) continue;
    const touches = input.journeyOf(sessionId);
    const journey =
      input.at === undefined
        ? [...touches].sort((a, b) => a.at - b.at)
        : buildJourney(touches, input.at, input.lookbackMs);
    const weights = modelWeights(input.model, journey, input);
    journey.forEach((touch, i) => {
      const weight = probability * (weights[i] ?? 0);
      const seen = credit.get(touch.sessionId);
      if (seen === undefined) credit.set(touch.sessionId, { touch, weight });
      else seen.weight += weight;
    });
  }
  return [...credit.values()].sort((a, b) => a.touch.at - b.touch.at);
}
