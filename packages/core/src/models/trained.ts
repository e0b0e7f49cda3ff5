import { keyOf, type Touch, type TouchKey } from "./touch";

/** A journey for training a data-driven model: the touches and whether it ended in a call. */
export interface TrainingJourney {
  touches: readonly Touch[];
  converted: boolean;
}

/** First-order Markov removal effects (attribution-math.md 2.2). */
export interface MarkovModel {
  model: "markov";
  groupBy: TouchKey;
  /** P(reaching CONVERSION from START) in the fitted chain. */
  conversionProbability: number;
  /** Per key: 1 − P(conversion without it) / P(conversion), in [0, 1]. */
  removalEffects: Readonly<Record<string, number>>;
}

/** Shapley values of the keys in the conversion-count game (see shapley.ts). */
export interface ShapleyModel {
  model: "shapley";
  groupBy: TouchKey;
  /** Per key: its Shapley value, in conversions; they sum to the converting journeys. */
  values: Readonly<Record<string, number>>;
  /** False when the values were sampled (more keys than the exact limit). */
  exact: boolean;
}

/** The per-account state of a data-driven model, computed once and reused for every call. */
export type TrainedModel = MarkovModel | ShapleyModel;

/**
 * Per-journey credit from per-key importances (removal effects, Shapley values): the keys
 * present in the journey share its credit in proportion to their importance, and a key's
 * share is split evenly over its touches. So a channel's credit does not grow with how often
 * it repeats, as in the chain, where repeats are self-loops that change no absorption
 * probability. When no key of the journey has importance (all unseen in training, or all
 * zero), the journey falls back to linear credit rather than crediting nothing.
 */
export function weightsFromImportance(
  journey: readonly Touch[],
  importance: Readonly<Record<string, number>>,
  by: TouchKey,
): number[] {
  if (journey.length === 0) return [];
  const touchesPerKey = new Map<string, number>();
  for (const touch of journey) {
    const key = keyOf(touch, by);
    touchesPerKey.set(key, (touchesPerKey.get(key) ?? 0) + 1);
  }
  const value = (key: string) => Math.max(0, importance[key] ?? 0);
  let total = 0;
  for (const key of touchesPerKey.keys()) total += value(key);
  if (!(total > 0 && Number.isFinite(total))) return journey.map(() => 1 / journey.length);
  return journey.map((touch) => {
    const key = keyOf(touch, by);
    return value(key) / total / (touchesPerKey.get(key) ?? 1);
  });
}
