import Sentiment from "sentiment";

const analyzer = new Sentiment();

/** VADER's normalisation constant: a raw AFINN sum of ±4 maps to about ±0.72. */
const NORMALISE_ALPHA = 15;

const DAY_MS = 86_400_000;

export interface SentimentScore {
  /** raw / sqrt(raw² + 15), in (-1, 1). */
  score: number;
  /** Sum of AFINN word scores (each -5..5), after the package's negation handling. */
  raw: number;
  positive: string[];
  negative: string[];
}

/**
 * Sentiment of a text from the AFINN-165 lexicon (`sentiment` package), normalised to [-1, 1]
 * with x / sqrt(x² + 15) as VADER does, so one strong word does not saturate the scale and
 * long angry rants approach -1 without passing it.
 *
 * @example
 * scoreSentiment("great, thank you").score  // ≈ 0.79 (raw 5)
 * scoreSentiment("terrible service").score  // ≈ -0.61 (raw -3)
 */
export function scoreSentiment(text: string): SentimentScore {
  const result = analyzer.analyze(text);
  const raw = result.score;
  return {
    score: raw / Math.sqrt(raw * raw + NORMALISE_ALPHA),
    raw,
    positive: result.positive,
    negative: result.negative,
  };
}

export interface PastSentiment {
  /** In [-1, 1]. */
  score: number;
  at: Date | number;
}

export interface CurrentSentiment {
  /** In [-1, 1]. */
  score: number;
  /** How sure the recogniser is of the text the score came from, in [0, 1]. */
  confidence: number;
}

export interface TotalSentiment {
  /** Weighted mean, in [-1, 1]; 0 when there is no evidence. */
  score: number;
  /** Sum of the weights: how much evidence the score rests on (0 = none). */
  weight: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A customer's overall sentiment: a weighted mean of their past scores and the current one.
 *
 *   w_i = 0.5 ^ (age_i / halfLifeDays)        age_i = max(0, now - at_i) in days
 *   w_c = confidence                           (the current interaction, age 0)
 *   total = (Σ w_i·s_i + w_c·s_c) / (Σ w_i + w_c)
 *
 * So a call today counts as much as a perfectly recognised one, a 30-day-old interaction half
 * as much, and a badly transcribed current call (confidence 0.2) barely moves the total.
 * Scores and confidence are clamped to their ranges; future timestamps count as age 0.
 */
export function totalSentiment(
  history: readonly PastSentiment[],
  current: CurrentSentiment | undefined,
  now: Date | number,
  halfLifeDays = 30,
): TotalSentiment {
  if (!(halfLifeDays > 0)) throw new RangeError("halfLifeDays must be positive");
  const nowMs = +now;
  let weighted = 0;
  let weight = 0;
  for (const { score, at } of history) {
    const ageDays = Math.max(0, nowMs - +at) / DAY_MS;
    const w = 0.5 ** (ageDays / halfLifeDays);
    weighted += w * clamp(score, -1, 1);
    weight += w;
  }
  if (current !== undefined) {
    const w = clamp(current.confidence, 0, 1);
    weighted += w * clamp(current.score, -1, 1);
    weight += w;
  }
  return { score: weight === 0 ? 0 : weighted / weight, weight };
}
