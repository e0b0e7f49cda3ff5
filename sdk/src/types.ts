import type { Rules } from "./swap";

/** One of the site's target numbers and the number assigned to this visit in its place. */
export interface Swap {
  target: string;
  number: string;
  display?: string;
}

/**
 * 200 body of `POST /v1/visits` (`hold_s` is optional, 30 minutes by default), stored under
 * the site key with an expiry as the cached assignment. A beat may answer `{"renew":true}`.
 */
export interface Assignment {
  visitor?: string;
  session?: string;
  beat_s?: number;
  hold_s?: number;
  bot?: boolean;
  swaps: Swap[];
  /** Every way the page may print a target (or a number shown before), by its digits. */
  match?: Rules;
  /** Source of the RegExp that finds the keys of `match` as a page prints them. */
  re?: string;
  /** Selector of the subtrees never swapped. */
  skip?: string;
  exp?: number;
  renew?: boolean;
}

/** `window.ringtrail`: the command function, or the pre-load stub with its queue. */
export interface Ringtrail {
  (cmd: string, arg?: unknown): unknown;
  q?: IArguments[];
  l?: unknown;
}

declare global {
  interface Window {
    ringtrail?: Ringtrail;
  }
  interface Navigator {
    /** Global Privacy Control (not in every browser, nor in TypeScript's DOM types). */
    globalPrivacyControl?: boolean;
  }
}
