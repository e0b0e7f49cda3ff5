import { describe, expect, it } from "vitest";
import { affectedCustomers, type EventArea, type TargetCustomer } from "./targeting";

const CUSTOMERS: TargetCustomer[] = [
  // Houston by phone (713), no stored region.
  { id: "c_houston", phone: "+17135550101", lat: 29.76, lon: -95.37, attributes: { plan: "gold" } },
  // Austin: stored region and ZIP+4, phone from California.
  {
    id: "c_austin",
    phone: "+14155550102",
    region: "US-TX",
    postal: "78701-1234",
    attributes: { plan: "basic" },
  },
  // San Francisco, national format phone that cannot be parsed without a country.
  {
    id: "c_sf",
    phone: "(415) 555-0103",
    region: "US-CA",
    postal: "94110",
    lat: 37.77,
    lon: -122.42,
  },
  // Toronto by phone (416).
  { id: "c_toronto", phone: "+14165550104", attributes: { plan: "gold" } },
  // London by stored country and postcode.
  {
    id: "c_london",
    country: "gb",
    postal: "sw1a 1aa",
    lat: 51.5,
    lon: -0.14,
    attributes: { plan: "gold" },
  },
  // Nothing known but an email-only id.
  { id: "c_unknown" },
  // Toll-free caller: no region, no country.
  { id: "c_tollfree", phone: "+18005550199" },
];

const ids = (area: EventArea, filters?: Record<string, string | number | boolean>) =>
  affectedCustomers({ area, filters }, CUSTOMERS).map((m) => m.id);

describe("affectedCustomers", () => {
  it("by country, from stored country, region or phone", () => {
    expect(ids({ countries: ["US"] })).toEqual(["c_houston", "c_austin", "c_sf"]);
    expect(ids({ countries: ["CA", "gb"] })).toEqual(["c_toronto", "c_london"]);
  });

  it("by region, stored region first, phone's otherwise", () => {
    expect(ids({ regions: ["US-TX"] })).toEqual(["c_houston", "c_austin"]);
    expect(ids({ regions: ["ca-on"] })).toEqual(["c_toronto"]);
    expect(ids({ regions: ["US-CA"] })).toEqual(["c_sf"]);
  });

  it("by postal code, exact (ZIP+4 as ZIP) or prefix", () => {
    expect(ids({ postal_codes: ["78701"] })).toEqual(["c_austin"]);
    expect(ids({ postal_codes: ["941*", "SW1A 1AA"] })).toEqual(["c_sf", "c_london"]);
    expect(ids({ postal_codes: ["9411"] })).toEqual([]);
  });

  it("by NANP area code from an E.164 phone", () => {
    expect(ids({ area_codes: ["713", "416"] })).toEqual(["c_houston", "c_toronto"]);
    expect(ids({ area_codes: ["415"] })).toEqual(["c_austin"]);
    expect(ids({ area_codes: ["800"] })).toEqual(["c_tollfree"]);
  });

  it("by radius from coordinates, centroid only when asked", () => {
    // Houston to Austin is about 235 km; Houston to SF about 2600 km.
    const radius = { lat: 30.27, lon: -97.74, km: 250 };
    expect(ids({ radius })).toEqual(["c_houston"]);
    const withCentroids = affectedCustomers(
      { area: { radius: { ...radius, km: 260 } } },
      CUSTOMERS,
      {
        regionCentroidFallback: true,
      },
    );
    expect(withCentroids).toEqual([
      { id: "c_houston", reasons: ["radius"] },
      { id: "c_austin", reasons: ["radius_region_centroid"] },
    ]);
    expect(ids({ radius: { lat: 51.5, lon: -0.12, km: 5 } })).toEqual(["c_london"]);
  });

  it("unions criteria, lists every reason, and ANDs filters", () => {
    const matches = affectedCustomers(
      {
        area: { regions: ["US-TX"], area_codes: ["713", "416"], countries: ["GB"] },
        filters: { plan: "gold" },
      },
      CUSTOMERS,
    );
    expect(matches).toEqual([
      { id: "c_houston", reasons: ["region:US-TX", "area_code:713"] },
      { id: "c_toronto", reasons: ["area_code:416"] },
      { id: "c_london", reasons: ["country:GB"] },
    ]);
    expect(ids({ countries: ["US"] }, { plan: "basic" })).toEqual(["c_austin"]);
    expect(ids({ countries: ["US"] }, { toString: "x" })).toEqual([]);
  });

  it("refuses an empty area", () => {
    expect(() => affectedCustomers({ area: {} }, CUSTOMERS)).toThrow(RangeError);
  });
});
