import { type PastSentiment, scoreSentiment, totalSentiment } from "./sentiment";

/** What a call flow reads as `caller.sentiment`. */
export interface CallerSentiment {
  /** Time-weighted history and this call's speech combined, in [-1, 1]; 0 with no evidence. */
  total: number;
  /** How much evidence `total` rests on (sum of weights; 0 = none). */
  weight: number;
  /** This call's speech score, or null when nothing was said. */
  current: number | null;
  /** The recogniser's confidence in that speech, or null. */
  confidence: number | null;
  /** How many earlier scored interactions went in. */
  history: number;
}

/**
 * A caller's sentiment for routing: the speech heard in this call (scored with AFINN and
 * weighted by the recogniser's confidence) combined with the time-weighted scores of their
 * earlier interactions (see `totalSentiment`).
 *
 * @example
 * callerSentiment([{ score: -0.8, at: yesterday }], { text: "a question", confidence: 0.9 }, now)
 * // total ≈ -0.41: yesterday's anger still weighs on a neutral call
 */
export function callerSentiment(
  history: readonly PastSentiment[],
  speech: { text: string; confidence: number } | undefined,
  now: Date | number,
): CallerSentiment {
  const current = speech
    ? { score: scoreSentiment(speech.text).score, confidence: speech.confidence }
    : undefined;
  const total = totalSentiment(history, current, now);
  return {
    total: total.score,
    weight: total.weight,
    current: current?.score ?? null,
    confidence: current?.confidence ?? null,
    history: history.length,
  };
}
