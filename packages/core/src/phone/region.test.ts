import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CA_PROVINCES, US_STATES, US_TERRITORIES } from "../region/subdivisions";
import { phoneCity, phoneCountry, phoneRegion } from "./index";
import { NANP_CITIES, NANP_REGIONS } from "./nanp-areas.generated";

describe("phoneRegion", () => {
  it.each([
    ["+14155550123", "US-CA"],
    ["+12125550123", "US-NY"],
    ["+13125550123", "US-IL"],
    ["+12025550123", "US-DC"],
    ["+19075550123", "US-AK"],
    ["+18085550123", "US-HI"],
    ["+17135550123", "US-TX"],
    ["+14165550199", "CA-ON"],
    ["+15145550199", "CA-QC"],
    ["+16045550199", "CA-BC"],
    ["+14035550199", "CA-AB"],
    ["+17872345678", "US-PR"],
    ["+16714771234", "US-GU"],
    // 867 spans three territories, 902 two provinces: the exchange decides.
    ["+18676671234", "CA-YT"],
    ["+18679791234", "CA-NU"],
    ["+19023681234", "CA-PE"],
    ["+19024201234", "CA-NS"],
    ["+18769271234", "JM"],
    ["+442079460958", "GB"],
    ["+4930901820", "DE"],
    ["+61293744000", "AU"],
  ])("%s -> %s", (e164, region) => {
    expect(phoneRegion(e164)).toBe(region);
  });

  it.each([
    ["+18005550199", "toll-free 800"],
    ["+18335550199", "toll-free 833"],
    ["+18445550199", "toll-free 844"],
    ["+18555550199", "toll-free 855"],
    ["+18665550199", "toll-free 866"],
    ["+18775550199", "toll-free 877"],
    ["+18885550199", "toll-free 888"],
    ["+448001234567", "UK freephone"],
    ["+19002345678", "premium rate"],
    ["+15002345678", "personal number"],
    ["4155550123", "not E.164"],
    ["+1 415 555 0123", "spaces"],
    ["", "empty"],
  ])("%s (%s) -> null", (e164) => {
    expect(phoneRegion(e164)).toBeNull();
  });
});

describe("phoneCountry", () => {
  it.each([
    ["+14155550123", "US"],
    ["+18005550199", "US"],
    ["+14165550199", "CA"],
    ["+17872345678", "PR"],
    ["+442079460958", "GB"],
    ["+61412345678", "AU"],
  ])("%s -> %s", (e164, country) => {
    expect(phoneCountry(e164)).toBe(country);
  });

  it("is null for what is not E.164", () => {
    expect(phoneCountry("(415) 555-0123")).toBeNull();
  });
});

describe("phoneCity", () => {
  it.each([
    ["+14155550123", "San Francisco"],
    ["+12125550123", "New York"],
    ["+14165550199", "Toronto"],
    ["+18005550199", null],
    ["+442079460958", null],
    // A PEI exchange is not in Halifax, whatever most of 902 is.
    ["+19023681234", null],
  ])("%s -> %s", (e164, city) => {
    expect(phoneCity(e164)).toBe(city);
  });
});

describe("the generated NANP table", () => {
  it("places every state, DC, inhabited territory and province", () => {
    const placed = new Set(Object.values(NANP_REGIONS));
    const expected = [US_STATES, US_TERRITORIES, CA_PROVINCES]
      .flatMap((table) => Object.keys(table))
      .filter((code) => code !== "US-UM");
    expect(expected.filter((code) => !placed.has(code))).toEqual([]);
  });

  it("has 3- to 6-digit keys and only known regions", () => {
    const known = new Set([US_STATES, US_TERRITORIES, CA_PROVINCES].flatMap(Object.keys));
    for (const [prefix, region] of Object.entries(NANP_REGIONS)) {
      expect(prefix).toMatch(/^[2-9]\d{2,5}$/);
      expect(known.has(region), `${prefix} -> ${region}`).toBe(true);
    }
    expect(Object.keys(NANP_REGIONS).filter((p) => p.length === 3).length).toBeGreaterThan(350);
  });

  it("names cities only for area codes it places", () => {
    for (const area of Object.keys(NANP_CITIES)) expect(NANP_REGIONS[area]).toBeDefined();
  });

  it("stays compact", () => {
    const file = new URL("./nanp-areas.generated.ts", import.meta.url);
    expect(readFileSync(file).byteLength).toBeLessThan(60_000);
  });
});
