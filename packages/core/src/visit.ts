/**
 * The shared vocabulary of a visit: what the server knows about one page view when it
 * picks a pool and a number. Built by the server from the request (URL, referrer, geo-IP,
 * user agent) and handed to core as plain data.
 */

export const CHANNELS = [
  "paid_search",
  "organic_search",
  "paid_social",
  "social",
  "email",
  "display",
  "affiliate",
  "referral",
  "direct",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLICK_ID_NAMES = [
  "gclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "fbclid",
  "ttclid",
  "li_fat_id",
] as const;
export type ClickIdName = (typeof CLICK_ID_NAMES)[number];

/** A marketing touch: how a visit arrived. */
export interface Touch {
  channel: Channel;
  /** e.g. "google", "facebook", "newsletter"; null for direct. */
  source: string | null;
  /** e.g. "cpc", "organic", "email", "referral"; null for direct. */
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
  clickIds: Partial<Record<ClickIdName, string>>;
}

export const DEVICE_TYPES = ["mobile", "tablet", "desktop"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/**
 * A region code: ISO 3166-2 subdivision ("US-CA", "CA-ON", "GB-ENG") when known,
 * otherwise the ISO 3166-1 alpha-2 country ("GB").
 */
export type RegionCode = string;

export interface VisitContext {
  touch: Touch;
  /** Path of the page, without query string: "/pricing". */
  path: string;
  /** Hostname of the referrer, lower-case, without "www.": "google.com"; null when none. */
  referrerDomain: string | null;
  device: DeviceType;
  /** ISO 3166-1 alpha-2 country from geo-IP, null when unknown. */
  country: string | null;
  region: RegionCode | null;
  /** Visitor's local hour 0..23 (from the geo time zone), null when unknown. */
  localHour: number | null;
}
