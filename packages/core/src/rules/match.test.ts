import { describe, expect, it } from "vitest";
import type { Touch, VisitContext } from "../visit";
import { matchesGlob } from "./glob";
import { firstFailingField, matchesRules } from "./match";

function visit(over: Partial<VisitContext> = {}, touch: Partial<Touch> = {}): VisitContext {
  return {
    touch: {
      channel: "paid_search",
      source: "google",
      medium: "cpc",
      campaign: "Spring_Sale_2026",
      term: "emergency plumber",
      content: null,
      clickIds: { gclid: "abc" },
      ...touch,
    },
    path: "/pricing/teams",
    referrerDomain: "google.com",
    device: "mobile",
    country: "US",
    region: "US-CA",
    localHour: 14,
    ...over,
  };
}

describe("matchesGlob", () => {
  it.each([
    ["/pricing*", "/pricing", true],
    ["/pricing*", "/pricing/teams", true],
    ["/pricing*", "/about/pricing", false],
    ["*/pricing", "/about/pricing", true],
    ["/blog/*/comments", "/blog/2026/03/post/comments", true],
    ["/blog/*/comments", "/blog/post/comment", false],
    ["spring*2026", "SPRING_sale_2026", true],
    ["*", "", true],
    ["a*b*c", "aXbYbZc", true],
    ["a*b*c", "aXbYbZ", false],
    ["exact", "exactly", false],
    [".*", "anything", false],
  ])("%s ~ %s is %s", (pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected);
  });
});

describe("matchesRules", () => {
  it("matches everything with empty rules, even a visit that knows nothing", () => {
    const unknown = visit(
      { referrerDomain: null, region: null, country: null, localHour: null },
      { channel: "direct", source: null, medium: null, campaign: null, term: null },
    );
    expect(matchesRules({}, unknown)).toBe(true);
  });

  it("channel: any listed channel", () => {
    expect(firstFailingField({ channel: ["email", "paid_search"] }, visit())).toBeNull();
    expect(firstFailingField({ channel: ["email", "social"] }, visit())).toBe("channel");
  });

  it("source/medium/campaign/term: case-insensitive with wildcards", () => {
    expect(matchesRules({ source: ["GOOGLE"] }, visit())).toBe(true);
    expect(matchesRules({ source: ["bing", "goo*"] }, visit())).toBe(true);
    expect(firstFailingField({ source: ["bing"] }, visit())).toBe("source");
    expect(matchesRules({ medium: ["cpc"] }, visit())).toBe(true);
    expect(firstFailingField({ medium: ["email"] }, visit())).toBe("medium");
    expect(matchesRules({ campaign: ["spring_*"] }, visit())).toBe(true);
    expect(firstFailingField({ campaign: ["spring"] }, visit())).toBe("campaign");
    expect(matchesRules({ term: ["*plumber"] }, visit())).toBe(true);
    expect(firstFailingField({ term: ["plumber"] }, visit())).toBe("term");
  });

  it("a condition on a missing touch value does not match, not even '*'", () => {
    const direct = visit({}, { source: null, medium: null, campaign: null, term: null });
    expect(firstFailingField({ source: ["*"] }, direct)).toBe("source");
    expect(firstFailingField({ medium: ["*"] }, direct)).toBe("medium");
    expect(firstFailingField({ campaign: ["*"] }, direct)).toBe("campaign");
    expect(firstFailingField({ term: ["*"] }, direct)).toBe("term");
  });

  it("path: glob over the whole path, trailing slash insignificant", () => {
    expect(matchesRules({ path: ["/pricing*"] }, visit())).toBe(true);
    expect(matchesRules({ path: ["/pricing/teams/"] }, visit())).toBe(true);
    expect(matchesRules({ path: ["/pricing"] }, visit({ path: "/pricing/" }))).toBe(true);
    expect(matchesRules({ path: ["/"] }, visit({ path: "/" }))).toBe(true);
    expect(firstFailingField({ path: ["/pricing"] }, visit())).toBe("path");
    expect(firstFailingField({ path: ["/about*"] }, visit())).toBe("path");
  });

  it("referrer_domain: the domain and its subdomains, not look-alikes", () => {
    expect(matchesRules({ referrer_domain: ["google.com"] }, visit())).toBe(true);
    const news = visit({ referrerDomain: "news.google.com" });
    expect(matchesRules({ referrer_domain: ["google.com"] }, news)).toBe(true);
    expect(matchesRules({ referrer_domain: ["Google.COM"] }, news)).toBe(true);
    const fake = visit({ referrerDomain: "notgoogle.com" });
    expect(firstFailingField({ referrer_domain: ["google.com"] }, fake)).toBe("referrer_domain");
    const parent = visit({ referrerDomain: "google.com" });
    expect(matchesRules({ referrer_domain: ["news.google.com"] }, parent)).toBe(false);
    const none = visit({ referrerDomain: null });
    expect(firstFailingField({ referrer_domain: ["google.com"] }, none)).toBe("referrer_domain");
  });

  it("device", () => {
    expect(matchesRules({ device: ["tablet", "mobile"] }, visit())).toBe(true);
    expect(firstFailingField({ device: ["desktop"] }, visit())).toBe("device");
  });

  it("region: exact subdivision or a whole country", () => {
    expect(matchesRules({ region: ["US-CA"] }, visit())).toBe(true);
    expect(matchesRules({ region: ["us-ca"] }, visit())).toBe(true);
    expect(matchesRules({ region: ["US"] }, visit())).toBe(true);
    expect(matchesRules({ region: ["CA"] }, visit())).toBe(false);
    expect(firstFailingField({ region: ["US-NY", "GB"] }, visit())).toBe("region");
    // Ontario is CA-ON; the country "CA" must not be confused with California.
    const toronto = visit({ country: "CA", region: "CA-ON" });
    expect(matchesRules({ region: ["CA"] }, toronto)).toBe(true);
    expect(matchesRules({ region: ["US-CA"] }, toronto)).toBe(false);
  });

  it("region: a known country alone matches country rules, not subdivision rules", () => {
    const countryOnly = visit({ region: null, country: "US" });
    expect(matchesRules({ region: ["US"] }, countryOnly)).toBe(true);
    expect(matchesRules({ region: ["US-CA"] }, countryOnly)).toBe(false);
    const subdivisionOnly = visit({ region: "US-TX", country: null });
    expect(matchesRules({ region: ["US"] }, subdivisionOnly)).toBe(true);
    const unknown = visit({ region: null, country: null });
    expect(firstFailingField({ region: ["US"] }, unknown)).toBe("region");
  });

  it("hours: from inclusive, to exclusive", () => {
    const rules = { hours: { from: 9, to: 17 } };
    expect(matchesRules(rules, visit({ localHour: 9 }))).toBe(true);
    expect(matchesRules(rules, visit({ localHour: 16 }))).toBe(true);
    expect(matchesRules(rules, visit({ localHour: 17 }))).toBe(false);
    expect(matchesRules(rules, visit({ localHour: 8 }))).toBe(false);
    expect(matchesRules({ hours: { from: 0, to: 24 } }, visit({ localHour: 23 }))).toBe(true);
  });

  it("hours: a window past midnight wraps", () => {
    const night = { hours: { from: 22, to: 6 } };
    expect(
      [21, 22, 23, 0, 5, 6, 12].map((h) => matchesRules(night, visit({ localHour: h }))),
    ).toEqual([false, true, true, true, true, false, false]);
    expect(firstFailingField(night, visit({ localHour: null }))).toBe("hours");
  });

  it("fields combine with AND and the first failing one is reported in field order", () => {
    const rules = {
      channel: ["paid_search" as const],
      device: ["desktop" as const],
      hours: { from: 0, to: 1 },
    };
    expect(firstFailingField(rules, visit())).toBe("device");
    expect(firstFailingField(rules, visit({ device: "desktop" }))).toBe("hours");
    expect(firstFailingField(rules, visit({ device: "desktop", localHour: 0 }))).toBeNull();
  });

  it("not: negates a nested rule set", () => {
    const notGoogle = { not: { source: ["google"] } };
    expect(firstFailingField(notGoogle, visit())).toBe("not");
    expect(matchesRules(notGoogle, visit({}, { source: "bing" }))).toBe(true);
    // An unknown value fails the inner condition, so the negation matches.
    expect(matchesRules(notGoogle, visit({}, { source: null }))).toBe(true);
    const californiaButNotMobile = { region: ["US-CA"], not: { device: ["mobile" as const] } };
    expect(matchesRules(californiaButNotMobile, visit())).toBe(false);
    expect(matchesRules(californiaButNotMobile, visit({ device: "desktop" }))).toBe(true);
  });
});
