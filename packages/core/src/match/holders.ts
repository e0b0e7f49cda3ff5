import { LOOKBACK_MS, RATE_HORIZON_MS, RATE_LOOKBACK_MS } from "./rate";

/**
 * Which earlier holders of the dialled number a matcher is offered as candidates. The server
 * loads them (attribution/candidates.ts) and the simulator mirrors it (sim score/prediction.ts).
 */
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
