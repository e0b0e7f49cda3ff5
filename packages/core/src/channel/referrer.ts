import { SEARCH_ENGINES, SOCIAL_NETWORKS, type SourceRule, WEBMAIL } from "./sources";

export type ReferrerKind = "webmail" | "search" | "social";

interface CompiledRule {
  name: string;
  kind: ReferrerKind;
  matches: (host: string) => boolean;
}

function compile(kind: ReferrerKind, rules: readonly SourceRule[]): CompiledRule[] {
  return rules.map(({ name, hosts }) => {
    const tests = hosts.map((pattern): ((host: string) => boolean) => {
      if (pattern.endsWith(".*")) {
        // Any country TLD, but no subdomains: docs.google.com is not a search.
        const re = new RegExp(
          `^${pattern.slice(0, -2).replace(/\./g, "\\.")}\\.[a-z]{2,6}(\\.[a-z]{2})?$`,
        );
        return (host) => re.test(host);
      }
      return (host) => host === pattern || host.endsWith(`.${pattern}`);
    });
    return { name, kind, matches: (host) => tests.some((test) => test(host)) };
  });
}

// Order matters: webmail hosts sit under search and social domains.
const RULES: readonly CompiledRule[] = [
  ...compile("webmail", WEBMAIL),
  ...compile("search", SEARCH_ENGINES),
  ...compile("social", SOCIAL_NETWORKS),
];

/**
 * The host of a referrer URL, lower-case, without "www." or a trailing dot; null when
 * there is no referrer or it is not an absolute URL with a host.
 *
 * @example referrerDomain("https://www.Google.com/search?q=x") // "google.com"
 */
export function referrerDomain(referrer: string | null): string | null {
  if (referrer === null) return null;
  const host = hostOf(referrer.trim());
  return host === null ? null : host.replace(/^www\./, "");
}

/** Lower-case host of an absolute URL, or null; never throws. */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
    return host === "" ? null : host;
  } catch {
    return null;
  }
}

/** The known search engine, social network or webmail a host belongs to. */
export function knownSource(host: string): { name: string; kind: ReferrerKind } | null {
  const bare = host.toLowerCase().replace(/^www\./, "");
  const rule = RULES.find((r) => r.matches(bare));
  return rule ? { name: rule.name, kind: rule.kind } : null;
}

const KIND_BY_NAME: ReadonlyMap<string, ReferrerKind> = new Map(
  RULES.map((rule) => [rule.name, rule.kind]),
);

/** The kind of a normalised source name: "facebook" -> "social", "gmail" -> "webmail". */
export function sourceKind(name: string): ReferrerKind | null {
  return KIND_BY_NAME.get(name) ?? null;
}
