import type { Channel, DeviceType } from "@ringtrail/core";
import type { LineType } from "@ringtrail/core/match";

/** One page view: shown at `at`, on screen for `dwellMs`. */
export interface PlannedView {
  at: number;
  dwellMs: number;
  url: string;
  referrer: string | null;
}

export interface PlannedSession {
  channel: Channel;
  views: PlannedView[];
}

/** A call the visitor may place; `draw` decides at run time (the lift needs the number shown). */
export interface PlannedCall {
  at: number;
  /** Uniform draw: the call happens when draw < probability × lift. */
  draw: number;
  /** Placed from a `tel:` click (mobile, in session); the click is 3 s before the call. */
  telClick: boolean;
  inSession: boolean;
  durationS: number;
  /** A later call from the same caller to the number they saw before. */
  repeat: boolean;
}

export interface VisitorPlan {
  id: number;
  /** Home state, "US-CA". */
  region: string;
  /** Where the visitor's IP geolocates (mobile IPs often elsewhere). */
  ipRegion: string;
  ip: string;
  device: DeviceType;
  ua: string;
  viewport: [number, number];
  caller: { number: string; lineType: LineType; lineTypeKnown: boolean };
  sessions: PlannedSession[];
  calls: PlannedCall[];
}

/** A call with no web session behind it: offline advertising, a saved number, spam. */
export interface NullCall {
  at: number;
  kind: "offline" | "spam";
  caller: { number: string; lineType: LineType; lineTypeKnown: boolean };
  durationS: number;
  /** Picks which pool number is dialled. */
  draw: number;
}

export interface BotView {
  at: number;
  ua: string;
  ip: string;
  url: string;
}

export interface TrafficPlan {
  start: number;
  visitors: VisitorPlan[];
  nullCalls: NullCall[];
  bots: BotView[];
}
