import type { DeviceType, RegionCode } from "../visit";

/** The caller's line type as the carrier or a number-intelligence lookup reports it. */
export type LineType = "mobile" | "landline" | "voip" | "toll_free";

/** What the server knows about a call when it looks for the session behind it. */
export interface CallForMatch {
  /** When the call started, epoch ms. */
  at: number;
  /** The dialed number, E.164. */
  to: string;
  /** Caller region from the number (area code) or carrier lookup. */
  callerRegion: RegionCode | null;
  /** ISO 3166-1 alpha-2 country of the caller's number. */
  callerCountry: string | null;
  /** Caller location, when a lookup gives one finer than the region. */
  callerLat?: number | null;
  callerLon?: number | null;
  lineType: LineType | null;
  /** Visitors linked to this caller by earlier calls to the same account. */
  callerHistory: { visitorIds: readonly string[] };
}

/** A session that might have produced the call: it held the dialed number before the call. */
export interface Candidate {
  sessionId: string;
  visitorId: string | null;
  /** When the session's lease on the dialed number began, epoch ms. */
  leaseStart: number;
  /** Last heartbeat plus the hold time: the lease counts as live until then. */
  leaseEnd: number;
  /** Last heartbeat of the session, epoch ms. */
  lastSeenAt: number;
  /** Times of clicks on a `tel:` link for the dialed number, epoch ms. */
  telClicks: readonly number[];
  /** Geo-IP of the session. */
  region: RegionCode | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  device: DeviceType;
  /**
   * The lease was a shared one (pool exhausted), so other sessions saw the same number. Kept
   * for explanations, not scored: each of those sessions is a candidate too, so the sharing
   * already shows in the candidate set and the posterior divides between them.
   */
  shared: boolean;
}
