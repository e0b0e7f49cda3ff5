import { type Channel, CLICK_ID_NAMES, type ClickIdName, type Touch } from "../visit";
import { AD_CLICK_IDS, MEDIUM_CHANNELS } from "./mediums";
import { hostOf, knownSource, referrerDomain, sourceKind } from "./referrer";
import { EMAIL_SOURCES, SOURCE_ALIASES } from "./sources";

export interface VisitInput {
  /** The landing page URL, query string included. */
  url: string;
  referrer: string | null;
  /** The site's own host, when pages are served from another (a CDN, a preview host). */
  siteHost?: string;
}

type Decision = Pick<Touch, "channel" | "source" | "medium">;

interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
}

/** Medium written when the visit says nothing better. */
const DEFAULT_MEDIUM: Readonly<Record<Channel, string | null>> = {
  paid_search: "cpc",
  organic_search: "organic",
  paid_social: "cpc",
  social: "social",
  email: "email",
  display: "display",
  affiliate: "affiliate",
  referral: "referral",
  direct: null,
};

const KIND_CHANNELS: Readonly<Record<SourceKind, Channel>> = {
  search: "organic_search",
  social: "social",
  email: "email",
};

type SourceKind = "search" | "social" | "email";

/**
 * Query parameters by lower-case name, first non-empty value wins. Parsed from the string,
 * not with `new URL`, so a relative or mangled URL still yields its tags.
 */
function readParams(url: string): Map<string, string> {
  const hash = url.indexOf("#");
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const start = beforeHash.indexOf("?");
  const params = new Map<string, string>();
  if (start === -1) return params;
  for (const [name, raw] of new URLSearchParams(beforeHash.slice(start + 1))) {
    const key = name.toLowerCase();
    const value = raw.trim();
    if (value !== "" && !params.has(key)) params.set(key, value);
  }
  return params;
}

function normaliseSource(raw: string): string {
  const source = raw.toLowerCase();
  return SOURCE_ALIASES[source] ?? knownSource(source)?.name ?? source;
}

function mediumChannel(medium: string | null): Channel | undefined {
  return medium === null ? undefined : MEDIUM_CHANNELS[medium.replace(/[\s-]+/g, "_")];
}

/** Search, social or email, by normalised source name; email also by generic names. */
function kindOf(source: string): SourceKind | null {
  if (EMAIL_SOURCES.has(source)) return "email";
  const kind = sourceKind(source);
  return kind === "webmail" ? "email" : kind;
}

function fromAdClickId(clickIds: Touch["clickIds"], utm: Utm): Decision | null {
  const rule = AD_CLICK_IDS.find(({ id }) => clickIds[id] !== undefined);
  if (rule === undefined) return null;
  // Google auto-tags Display Network and YouTube clicks with gclid too; trust a medium that says so.
  const channel = mediumChannel(utm.medium) === "display" ? "display" : rule.channel;
  return { channel, source: rule.source, medium: utm.medium ?? DEFAULT_MEDIUM[channel] };
}

function fromUtm(utm: Utm, fallbackSource: string | null, hasFbclid: boolean): Decision | null {
  // Instagram appends fbclid too; its referrer, when present, tells the two apart.
  const fbSource =
    fallbackSource && kindOf(fallbackSource) === "social" ? fallbackSource : "facebook";
  const source = utm.source ?? (hasFbclid ? fbSource : fallbackSource);
  let channel = mediumChannel(utm.medium);
  if (channel === "paid_search" && source !== null && kindOf(source) === "social") {
    channel = "paid_social";
  }
  if (channel !== undefined) return { channel, source, medium: utm.medium };
  if (hasFbclid) {
    // fbclid rides on every Facebook and Instagram outbound link: organic social, not an ad.
    return { channel: "social", source: source ?? "facebook", medium: utm.medium ?? "social" };
  }
  const kind = utm.source === null ? null : kindOf(utm.source);
  if (utm.source === null || kind === null) return null;
  const tagged = KIND_CHANNELS[kind];
  return { channel: tagged, source: utm.source, medium: utm.medium ?? DEFAULT_MEDIUM[tagged] };
}

function fromReferrer(domain: string | null, sameSite: boolean): Decision {
  if (domain === null || sameSite) return { channel: "direct", source: null, medium: null };
  const known = knownSource(domain);
  const kind = known?.kind === "webmail" ? "email" : known?.kind;
  const channel = kind === undefined ? "referral" : KIND_CHANNELS[kind];
  return { channel, source: known?.name ?? domain, medium: DEFAULT_MEDIUM[channel] };
}

/**
 * Tags the rules above did not recognise still name the source. A tagged link without a
 * referrer (an app, a QR code, a chat answer) came from somewhere: referral, not direct.
 */
function withTags(decision: Decision, utm: Utm): Decision {
  if (utm.source === null) return decision;
  const channel = decision.channel === "direct" ? "referral" : decision.channel;
  return { channel, source: utm.source, medium: utm.medium ?? DEFAULT_MEDIUM[channel] };
}

/**
 * Decide how a visit arrived, from its landing URL and referrer. Ad click ids come first,
 * then utm tags, then the referrer. Never throws: what does not parse is ignored.
 *
 * @example
 * classifyVisit({ url: "https://acme.com/?gclid=abc", referrer: "https://www.google.com/" })
 * // { channel: "paid_search", source: "google", medium: "cpc", clickIds: { gclid: "abc" }, … }
 */
export function classifyVisit(input: VisitInput): Touch {
  const params = readParams(input.url);
  const text = (name: string) => params.get(name) ?? null;
  const clickIds: Partial<Record<ClickIdName, string>> = {};
  for (const name of CLICK_ID_NAMES) {
    const value = params.get(name);
    if (value !== undefined) clickIds[name] = value;
  }
  const rawSource = text("utm_source");
  const utm: Utm = {
    source: rawSource === null ? null : normaliseSource(rawSource),
    medium: text("utm_medium")?.toLowerCase() ?? null,
    campaign: text("utm_campaign"),
    term: text("utm_term"),
    content: text("utm_content"),
  };

  const domain = referrerDomain(input.referrer);
  const siteHosts = [hostOf(input.url), input.siteHost?.trim().toLowerCase() ?? null].map(
    (host) => host?.replace(/^www\./, "").replace(/:\d+$/, "") ?? null,
  );
  const sameSite = domain !== null && siteHosts.includes(domain);
  const referrerSource = domain === null || sameSite ? null : (knownSource(domain)?.name ?? domain);

  const decision =
    fromAdClickId(clickIds, utm) ??
    fromUtm(utm, referrerSource, clickIds.fbclid !== undefined) ??
    withTags(fromReferrer(domain, sameSite), utm);
  return { ...decision, campaign: utm.campaign, term: utm.term, content: utm.content, clickIds };
}
