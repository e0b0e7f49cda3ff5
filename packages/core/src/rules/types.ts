import type { Channel, DeviceType } from "../visit";

/**
 * Visitor-local hours as a half-open window `[from, to)`. A window with `from > to` wraps past
 * midnight: `{ from: 22, to: 6 }` covers 22:00–05:59.
 */
export interface HourWindow {
  from: number;
  to: number;
}

/**
 * Conditions that send a visit to a pool. Every present field must match (AND); a list
 * matches when any of its entries does (OR); `{}` matches every visit. String comparisons
 * ignore case, and `source`, `medium`, `campaign`, `term` and `path` accept `*` wildcards.
 *
 * A condition on something the visit does not know (no referrer, unknown region or hour)
 * does not match, so `not` of such a condition does.
 */
export interface PoolRules {
  channel?: readonly Channel[];
  source?: readonly string[];
  medium?: readonly string[];
  campaign?: readonly string[];
  term?: readonly string[];
  /** Page path globs: "/pricing*" matches "/pricing" and "/pricing/teams". */
  path?: readonly string[];
  /** A domain also matches its subdomains: "google.com" matches "news.google.com". */
  referrer_domain?: readonly string[];
  device?: readonly DeviceType[];
  /** "US-CA" matches that subdivision only; a country "US" matches all of its regions. */
  region?: readonly string[];
  hours?: HourWindow;
  not?: PoolRules;
}

export type RuleField = keyof PoolRules;

/** The order in which fields are checked, and so which one an explanation names first. */
export const RULE_FIELDS = [
  "channel",
  "source",
  "medium",
  "campaign",
  "term",
  "path",
  "referrer_domain",
  "device",
  "region",
  "hours",
  "not",
] as const satisfies readonly RuleField[];
