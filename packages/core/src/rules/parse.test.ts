import { describe, expect, it } from "vitest";
import { parsePoolRules } from "./parse";

function error(input: unknown) {
  const result = parsePoolRules(input);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return { path: result.path, message: result.message };
}

describe("parsePoolRules", () => {
  it("accepts empty rules", () => {
    expect(parsePoolRules({})).toEqual({ ok: true, rules: {} });
  });

  it("accepts every field and normalizes case and www", () => {
    const result = parsePoolRules({
      channel: ["Paid_Search", "email"],
      source: [" Google "],
      medium: ["CPC"],
      campaign: ["Spring*"],
      term: ["*Plumber"],
      path: ["/Pricing*"],
      referrer_domain: ["WWW.Google.com"],
      device: ["mobile"],
      region: ["us-ca", "gb"],
      hours: { from: 22, to: 6 },
      not: { device: ["tablet"] },
    });
    expect(result).toEqual({
      ok: true,
      rules: {
        channel: ["paid_search", "email"],
        source: ["google"],
        medium: ["cpc"],
        campaign: ["spring*"],
        term: ["*plumber"],
        path: ["/pricing*"],
        referrer_domain: ["google.com"],
        device: ["mobile"],
        region: ["US-CA", "GB"],
        hours: { from: 22, to: 6 },
        not: { device: ["tablet"] },
      },
    });
  });

  it("treats null fields as absent", () => {
    expect(parsePoolRules({ channel: null, hours: null })).toEqual({ ok: true, rules: {} });
  });

  it("does not mutate its input", () => {
    const input = { source: ["Google"] };
    parsePoolRules(input);
    expect(input).toEqual({ source: ["Google"] });
  });

  it.each([
    [null, "", "must be an object"],
    [[], "", "must be an object"],
    ["{}", "", "must be an object"],
    [{ chanel: ["email"] }, "chanel", "is not a known rule"],
    [{ channel: "email" }, "channel", "must be an array"],
    [{ channel: [] }, "channel", "must not be empty"],
    [
      { channel: ["email", "fax"] },
      "channel[1]",
      "must be one of paid_search, organic_search, paid_social, social, email, display, affiliate, referral, direct",
    ],
    [{ device: ["phone"] }, "device[0]", "must be one of mobile, tablet, desktop"],
    [{ source: [42] }, "source[0]", "must be a string"],
    [{ medium: ["  "] }, "medium[0]", "must not be blank"],
    [{ term: ["x".repeat(257)] }, "term[0]", "must be at most 256 characters"],
    [{ path: ["pricing"] }, "path[0]", 'must start with "/" (a page path such as "/pricing*")'],
    [{ path: ["/a?b=1"] }, "path[0]", "must not contain a query string or fragment"],
    [
      { referrer_domain: ["https://google.com/"] },
      "referrer_domain[0]",
      'must be a bare domain such as "google.com", without scheme or path',
    ],
    [
      { region: ["California"] },
      "region[0]",
      'must be a country ("US") or an ISO 3166-2 region ("US-CA")',
    ],
    [{ hours: [9, 17] }, "hours", "must be an object {from, to}"],
    [{ hours: { from: 24, to: 3 } }, "hours.from", "must be an integer from 0 to 23"],
    [{ hours: { from: 9.5, to: 17 } }, "hours.from", "must be an integer from 0 to 23"],
    [{ hours: { from: 9, to: 25 } }, "hours.to", "must be an integer from 0 to 24"],
    [{ hours: { from: 9 } }, "hours.to", "must be an integer from 0 to 24"],
    [
      { hours: { from: 9, to: 9 } },
      "hours",
      "must not be empty; omit hours to match the whole day",
    ],
    [{ hours: { from: 9, to: 17, tz: "UTC" } }, "hours.tz", "is not a known field"],
    [{ not: {} }, "not", "must have at least one condition ({} would match nothing)"],
    [{ not: { region: ["US-CA", 7] } }, "not.region[1]", "must be a string"],
    [{ not: { not: { sorce: ["x"] } } }, "not.not.sorce", "is not a known rule"],
  ])("rejects %j at %s", (input, path, message) => {
    expect(error(input)).toEqual({ path, message });
  });

  it("rejects runaway input", () => {
    expect(error({ source: Array.from({ length: 501 }, () => "x") })).toEqual({
      path: "source",
      message: "must have at most 500 entries",
    });
    let deep: Record<string, unknown> = { device: ["mobile"] };
    for (let i = 0; i < 6; i++) deep = { not: deep };
    expect(error(deep)).toEqual({ path: "not.not.not.not.not", message: "is nested too deeply" });
  });

  it("rejects __proto__ instead of silently dropping it", () => {
    expect(error(JSON.parse('{"__proto__": {"channel": ["email"]}}'))).toEqual({
      path: "__proto__",
      message: "is not a known rule",
    });
  });
});
