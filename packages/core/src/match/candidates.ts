import { LOOKBACK_MS, RATE_HORIZON_MS, RATE_LOOKBACK_MS } from "./rate";

/*
 * Which sessions a call's candidates are: the server loads them (attribution/candidates.ts)
 * and the simulator mirrors it (sim score/prediction.ts), both by these rules.
 */

const DAY = 86_400_000;

/**
 * An earlier call links to its caller the visitor of every candidate at least this likely.
 * Lower than "confident" on purpose: a link only offers the visitor as a candidate and feeds
 * the repeat rate, whose EM estimate already discounts links that do not pay off. In the sweep
 * 0.2 beat 0.5 by 1–1.6 points at 2 h delays and by 0.2–1 elsewhere, for both matchers.
 */
export const LINK_PROBABILITY = 0.2;

/** Earlier calls link at most this many visitors to a caller, the likeliest first. */
export const MAX_LINKED = 5;

/** A linked visitor's latest session within this lookback stands for them as a candidate. */
export const LINKED_LOOKBACK_MS = 30 * DAY;

/** Which earlier holders of the dialled number a matcher is offered as candidates. */
export interface HolderWindow {
  /** Every session that held the number and was seen within this before the call. */
  allMs: number;
  /** With none of those, the number's last holder if seen within this (0: none). */
  lastMs: number;
}

/**
 * FS's delay buckets end at 72 h. The rate model's density weighs an old holder against newer
 * ones and "no session": all holders of 7 days, and, on a number nobody held since, its last
 * holder of 30 days.
 */
export const HOLDER_WINDOWS = {
  fs: { allMs: LOOKBACK_MS, lastMs: 0 },
  rates: { allMs: RATE_LOOKBACK_MS, lastMs: RATE_HORIZON_MS },
} as const satisfies Record<string, HolderWindow>;
