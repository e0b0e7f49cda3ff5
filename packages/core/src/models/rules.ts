/**
 * Rule-based models (attribution-math.md 2.1). Each takes a journey sorted oldest first and
 * returns one weight per touch; the weights sum to 1, or the array is empty for no touches.
 */
import type { Touch } from "./touch";

export const DEFAULT_HALF_LIFE_MS = 7 * 24 * 60 * 60 * 1000;

/** All credit to the first touch. */
export function firstTouch(journey: readonly Touch[]): number[] {
  return journey.map((_, i) => (i === 0 ? 1 : 0));
}

/** All credit to the last touch. */
export function lastTouch(journey: readonly Touch[]): number[] {
  return journey.map((_, i) => (i === journey.length - 1 ? 1 : 0));
}

/** 1/n to each touch. */
export function linear(journey: readonly Touch[]): number[] {
  return journey.map(() => 1 / journey.length);
}

/**
 * Weight ∝ 2^(−(T − t)/halfLife), Google Ads' "half-life is 1 week". The shares do not depend
 * on the conversion time T, so it is measured from the last touch, which keeps the largest
 * term at 1 and the sum from underflowing on long journeys.
 *
 * @example timeDecay(touchesAt0_7_14Days) // [0.1428…, 0.2857…, 0.5714…]
 */
export function timeDecay(
  journey: readonly Touch[],
  halfLifeMs: number = DEFAULT_HALF_LIFE_MS,
): number[] {
  if (!(halfLifeMs > 0)) throw new RangeError(`halfLifeMs must be positive, got ${halfLifeMs}`);
  if (journey.length === 0) return [];
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of journey) latest = Math.max(latest, t.at);
  const raw = journey.map((t) => 2 ** (-(latest - t.at) / halfLifeMs));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/**
 * Position-based ("U-shaped"): `ends` (default 40%) each to the first and last touches and the
 * rest spread over the middle ones. With no middle, the two ends split it all (50/50); a single
 * touch gets everything.
 */
export function positionBased(journey: readonly Touch[], ends = 0.4): number[] {
  if (!(ends >= 0 && ends <= 0.5)) throw new RangeError(`ends must be in [0, 0.5], got ${ends}`);
  const n = journey.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  if (n === 2) return [0.5, 0.5];
  const middle = (1 - 2 * ends) / (n - 2);
  return journey.map((_, i) => (i === 0 || i === n - 1 ? ends : middle));
}
