import type { Channel } from "../visit";

/** One session's arrival in a visitor's journey: the unit that multi-touch models credit. */
export interface Touch {
  sessionId: string;
  /** Session start, epoch ms. */
  at: number;
  channel: Channel;
  source: string | null;
  campaign: string | null;
  landingPath: string | null;
}

/** Thirty days, the usual click lookback (and the default). */
export const DEFAULT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The journey behind a conversion at `conversionAt`: the visitor's touches within the
 * lookback before it (inclusive at both ends), oldest first.
 *
 * @example buildJourney(visitorTouches, call.at) // touches of the last 30 days, sorted
 */
export function buildJourney(
  touches: readonly Touch[],
  conversionAt: number,
  lookbackMs: number = DEFAULT_LOOKBACK_MS,
): Touch[] {
  return touches
    .filter((t) => t.at <= conversionAt && t.at >= conversionAt - lookbackMs)
    .sort((a, b) => a.at - b.at);
}

/** What a data-driven model treats as one player or state; the report's group_by values. */
export type TouchKey = "channel" | "source" | "campaign" | "landing_page";

/** Stands for a missing source, campaign or landing page, so it is credited as a group too. */
export const NO_VALUE = "(none)";

export function keyOf(touch: Touch, by: TouchKey): string {
  switch (by) {
    case "channel":
      return touch.channel;
    case "source":
      return touch.source ?? NO_VALUE;
    case "campaign":
      return touch.campaign ?? NO_VALUE;
    case "landing_page":
      return touch.landingPath ?? NO_VALUE;
  }
}
