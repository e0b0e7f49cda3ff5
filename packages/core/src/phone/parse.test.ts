import { describe, expect, it } from "vitest";
import { type CountryCode, formatDisplay, isE164, type ParsedPhone, parsePhone } from "./index";

describe("parsePhone", () => {
  // biome-ignore format: one case per line reads as a table
  const valid: [string, CountryCode | undefined, Omit<ParsedPhone, "ok">][] = [
    ["(415) 555-0123", "US", { e164: "+14155550123", country: "US", nationalFormat: "(415) 555-0123", internationalFormat: "+1 415 555 0123", type: "local" }],
    ["415.555.0123", "US", { e164: "+14155550123", country: "US", nationalFormat: "(415) 555-0123", internationalFormat: "+1 415 555 0123", type: "local" }],
    ["  +1 (415) 555-0123 ", undefined, { e164: "+14155550123", country: "US", nationalFormat: "(415) 555-0123", internationalFormat: "+1 415 555 0123", type: "local" }],
    ["1-800-555-0199", "US", { e164: "+18005550199", country: "US", nationalFormat: "(800) 555-0199", internationalFormat: "+1 800 555 0199", type: "toll_free" }],
    ["+1 888 555 0100", undefined, { e164: "+18885550100", country: "US", nationalFormat: "(888) 555-0100", internationalFormat: "+1 888 555 0100", type: "toll_free" }],
    ["416-967-1111", "CA", { e164: "+14169671111", country: "CA", nationalFormat: "(416) 967-1111", internationalFormat: "+1 416 967 1111", type: "local" }],
    ["+44 20 7946 0958", undefined, { e164: "+442079460958", country: "GB", nationalFormat: "020 7946 0958", internationalFormat: "+44 20 7946 0958", type: "local" }],
    ["020 7946 0958", "GB", { e164: "+442079460958", country: "GB", nationalFormat: "020 7946 0958", internationalFormat: "+44 20 7946 0958", type: "local" }],
    ["07400 123456", "GB", { e164: "+447400123456", country: "GB", nationalFormat: "07400 123456", internationalFormat: "+44 7400 123456", type: "mobile" }],
    ["0800 123 4567", "GB", { e164: "+448001234567", country: "GB", nationalFormat: "0800 123 4567", internationalFormat: "+44 800 123 4567", type: "toll_free" }],
    ["+49 30 901820", undefined, { e164: "+4930901820", country: "DE", nationalFormat: "030 901820", internationalFormat: "+49 30 901820", type: "local" }],
    ["01512 3456789", "DE", { e164: "+4915123456789", country: "DE", nationalFormat: "01512 3456789", internationalFormat: "+49 1512 3456789", type: "mobile" }],
    ["(02) 9374 4000", "AU", { e164: "+61293744000", country: "AU", nationalFormat: "(02) 9374 4000", internationalFormat: "+61 2 9374 4000", type: "local" }],
    ["+61 412 345 678", undefined, { e164: "+61412345678", country: "AU", nationalFormat: "0412 345 678", internationalFormat: "+61 412 345 678", type: "mobile" }],
    ["1800 123 456", "AU", { e164: "+611800123456", country: "AU", nationalFormat: "1800 123 456", internationalFormat: "+61 1800 123 456", type: "toll_free" }],
    ["+1 900 234 5678", undefined, { e164: "+19002345678", country: "US", nationalFormat: "(900) 234-5678", internationalFormat: "+1 900 234 5678", type: "other" }],
  ];
  it.each(valid)("accepts %s (%s)", (input, country, expected) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, ...expected });
  });

  it("lets the international form override the default country", () => {
    expect(parsePhone("+44 20 7946 0958", "US")).toMatchObject({ ok: true, country: "GB" });
  });

  const invalid: [string, string, CountryCode | undefined, RegExp][] = [
    ["seven digits", "555-0123", "US", /too short/],
    ["too short", "+1 415 555", undefined, /too short/],
    ["two digits", "12", "US", /too short/],
    ["too long", "+1 415 555 0123 4567", undefined, /too long/],
    ["no such area code", "(111) 555-0123", "US", /not a valid number/],
    ["letters", "415-555-01ab", "US", /only digits/],
    ["vanity letters", "1-800-FLOWERS", "US", /only digits/],
    ["text around it", "call 415 555 0123", "US", /only digits/],
    ["a + in the middle", "1+415 555 0123", "US", /only digits/],
    ["empty", "", "US", /only digits/],
    ["national form without a country", "4155550123", undefined, /no country/],
    ["UK number too short", "020 7946 095", "GB", /not a valid number|too short/],
    ["wrong-country digits", "0412 345 678", "US", /not a valid number|too/],
  ];
  it.each(invalid)("rejects %s: %s", (_what, input, country, message) => {
    const result = parsePhone(input, country);
    expect(result).toMatchObject({ ok: false, code: "invalid_phone_number" });
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});

describe("isE164", () => {
  it.each(["+14155550123", "+442079460958", "+611800123456", "+12"])("accepts %s", (s) => {
    expect(isE164(s)).toBe(true);
  });
  it.each([
    "14155550123",
    "+1 415 555 0123",
    "+04155550123",
    "+1234567890123456",
    "+",
    "",
    "+1415555012a",
  ])("rejects %s", (s) => {
    expect(isE164(s)).toBe(false);
  });
});

describe("formatDisplay", () => {
  it.each([
    ["+14155550123", "(415) 555-0123"],
    ["+18005550199", "(800) 555-0199"],
    ["+442079460958", "020 7946 0958"],
    ["+4930901820", "030 901820"],
    ["+61412345678", "0412 345 678"],
  ])("%s -> %s", (e164, display) => {
    expect(formatDisplay(e164)).toBe(display);
  });

  it("returns what it cannot parse unchanged", () => {
    expect(formatDisplay("not a number")).toBe("not a number");
    expect(formatDisplay("")).toBe("");
  });
});
