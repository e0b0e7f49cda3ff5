import { describe, expect, it } from "vitest";
import {
  COUNTRY_ONLY,
  OTHER_COUNTRY,
  placeOf,
  relate,
  SAME_COUNTRY,
  SAME_REGION,
  UNKNOWN,
} from "./geo";

describe("placeOf", () => {
  it("splits a subdivision into country and subdivision", () => {
    expect(placeOf("US-CA", null)).toEqual({ subdivision: "US-CA", country: "US" });
    expect(placeOf("GB", null)).toEqual({ subdivision: null, country: "GB" });
    expect(placeOf(null, "DE")).toEqual({ subdivision: null, country: "DE" });
    expect(placeOf(null, null)).toEqual({ subdivision: null, country: null });
  });
});

describe("relate", () => {
  const california = placeOf("US-CA", "US");
  it.each([
    ["US-CA", null, SAME_REGION],
    ["US-NY", null, SAME_COUNTRY],
    ["US", null, COUNTRY_ONLY],
    [null, "US", COUNTRY_ONLY],
    ["CA-ON", null, OTHER_COUNTRY],
    ["USA-X", null, OTHER_COUNTRY],
    ["GB", null, OTHER_COUNTRY],
    [null, "GB", OTHER_COUNTRY],
    [null, null, UNKNOWN],
  ] as const)("%s/%s vs California is %i", (region, country, expected) => {
    expect(relate(region, country, california)).toBe(expected);
  });

  it("knows nothing when the place has no country", () => {
    expect(relate("US-CA", "US", placeOf(null, null))).toBe(UNKNOWN);
  });

  it("cannot tell regions apart when the place is known only to country level", () => {
    expect(relate("US-CA", null, placeOf(null, "US"))).toBe(COUNTRY_ONLY);
  });
});
