import type { DeviceType } from "@ringtrail/core";
import type { LineType } from "@ringtrail/core/match";

export interface VisitRequest {
  at: number;
  visitorKey: number;
  /** The visitor id the server gave on an earlier view; null on the first. */
  visitorId: string | null;
  url: string;
  referrer: string | null;
  ua: string;
  ip: string;
  viewport: [number, number];
  /** What the simulator knows; the HTTP server reads them from the UA and the IP instead. */
  device: DeviceType;
  region: string;
}

export interface VisitAnswer {
  visitor: string | null;
  session: string | null;
  /** The tracking number shown for the site's target; null when none (bot, nothing free). */
  number: string | null;
}

export interface CallRequest {
  sid: string;
  at: number;
  from: string;
  to: string;
  lineType: LineType | null;
  durationS: number;
}

/**
 * The number-assignment service under test: the real server over HTTP, or an in-process
 * model of its assignment for the sweep.
 */
export interface Dni {
  readonly numbers: readonly string[];
  visit(req: VisitRequest): Promise<VisitAnswer>;
  beat(session: string, at: number, telClick: { number: string; at: number } | null): Promise<void>;
  call(req: CallRequest): Promise<void>;
  /** The call ended, `durationS` after `at`. */
  end(req: CallRequest): Promise<void>;
}
