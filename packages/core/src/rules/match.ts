import type { VisitContext } from "../visit";
import { matchesGlob } from "./glob";
import type { HourWindow, PoolRules, RuleField } from "./types";

/**
 * The first field of `rules` that `ctx` fails, in `RULE_FIELDS` order, or null when the
 * visit matches. `"not"` means the negated rules matched.
 */
export function firstFailingField(rules: PoolRules, ctx: VisitContext): RuleField | null {
  const { touch } = ctx;
  if (rules.channel && !rules.channel.includes(touch.channel)) return "channel";
  if (rules.source && !anyGlob(rules.source, touch.source)) return "source";
  if (rules.medium && !anyGlob(rules.medium, touch.medium)) return "medium";
  if (rules.campaign && !anyGlob(rules.campaign, touch.campaign)) return "campaign";
  if (rules.term && !anyGlob(rules.term, touch.term)) return "term";
  if (rules.path && !anyPath(rules.path, ctx.path)) return "path";
  if (rules.referrer_domain && !anyDomain(rules.referrer_domain, ctx.referrerDomain)) {
    return "referrer_domain";
  }
  if (rules.device && !rules.device.includes(ctx.device)) return "device";
  if (rules.region && !anyRegion(rules.region, ctx.region, ctx.country)) return "region";
  if (rules.hours && !inHours(rules.hours, ctx.localHour)) return "hours";
  if (rules.not && firstFailingField(rules.not, ctx) === null) return "not";
  return null;
}

/** Whether `ctx` satisfies every condition in `rules`. */
export function matchesRules(rules: PoolRules, ctx: VisitContext): boolean {
  return firstFailingField(rules, ctx) === null;
}

function anyGlob(patterns: readonly string[], value: string | null): boolean {
  if (value === null) return false;
  for (const pattern of patterns) if (matchesGlob(pattern, value)) return true;
  return false;
}

function anyPath(patterns: readonly string[], path: string): boolean {
  const p = trimTrailingSlash(path);
  for (const pattern of patterns) if (matchesGlob(trimTrailingSlash(pattern), p)) return true;
  return false;
}

// "/pricing" and "/pricing/" are the same page on nearly every site; a rule author should
// not have to list both.
function trimTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function anyDomain(domains: readonly string[], referrer: string | null): boolean {
  if (referrer === null) return false;
  const host = referrer.toLowerCase();
  for (const entry of domains) {
    const domain = entry.toLowerCase();
    if (host === domain) return true;
    // The dot check keeps "notgoogle.com" from matching "google.com".
    if (
      host.length > domain.length &&
      host.endsWith(domain) &&
      host.charCodeAt(host.length - domain.length - 1) === 46
    ) {
      return true;
    }
  }
  return false;
}

function anyRegion(entries: readonly string[], region: string | null, country: string | null) {
  const r = region?.toUpperCase() ?? null;
  // Geo-IP may give a subdivision without a country; its ISO 3166-2 prefix is the country.
  const c = country?.toUpperCase() ?? (r === null ? null : (r.split("-")[0] ?? null));
  for (const entry of entries) {
    const e = entry.toUpperCase();
    if (e.includes("-") ? r === e : c === e) return true;
  }
  return false;
}

function inHours(window: HourWindow, hour: number | null): boolean {
  if (hour === null) return false;
  const { from, to } = window;
  // A zero-length window [h, h) holds no hours; the validator rejects it, so this only
  // matters for rules built in code.
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}
