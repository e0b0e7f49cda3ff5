/** One of the site's target numbers and the number assigned to this visit in its place. */
export interface Swap {
  target: string;
  number: string;
  display?: string;
}

/** Body of `POST /v1/visits`; undefined fields are left out. */
export interface Visit {
  site: string;
  visitor: string | null;
  url: string;
  referrer: string | null;
  ga_client_id: string | null;
  viewport: [number, number];
  session: string | undefined;
  consentless: true | undefined;
}

/**
 * 200 body of `POST /v1/visits` (`hold_s` is optional, 30 minutes by default), stored with
 * the site key and an expiry as the cached assignment.
 */
export interface Assignment {
  visitor?: string;
  session?: string;
  beat_s?: number;
  hold_s?: number;
  bot?: boolean;
  swaps: Swap[];
  site?: string;
  exp?: number;
}

/** Body of `POST /v1/visits/{session}/beats`. */
export interface Beat {
  events: { type: "tel_click"; number: string; at: string }[];
  swap_ms?: number;
}

/** `window.ringtrail`: the command function, or the pre-load stub with its queue. */
export interface Ringtrail {
  (cmd: string, arg?: unknown): unknown;
  q?: ArrayLike<unknown>[];
  l?: boolean;
}
