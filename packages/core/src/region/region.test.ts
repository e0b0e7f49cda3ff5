import { describe, expect, it } from "vitest";
import {
  CA_PROVINCES,
  distanceKm,
  regionCentroid,
  regionFromSubdivision,
  subdivisionName,
  US_STATES,
  US_TERRITORIES,
} from "./index";

describe("subdivision tables", () => {
  it("hold 50 states and DC, 6 territories, 13 provinces and territories", () => {
    expect(Object.keys(US_STATES)).toHaveLength(51);
    expect(Object.keys(US_TERRITORIES)).toHaveLength(6);
    expect(Object.keys(CA_PROVINCES)).toHaveLength(13);
  });

  it("use ISO 3166-2 codes", () => {
    for (const code of Object.keys({ ...US_STATES, ...US_TERRITORIES }))
      expect(code).toMatch(/^US-[A-Z]{2}$/);
    for (const code of Object.keys(CA_PROVINCES)) expect(code).toMatch(/^CA-[A-Z]{2}$/);
    expect(US_STATES["US-DC"]).toBe("District of Columbia");
    expect(CA_PROVINCES["CA-QC"]).toBe("Quebec");
  });

  it("name a code", () => {
    expect(subdivisionName("US-CA")).toBe("California");
    expect(subdivisionName("ca-nl")).toBe("Newfoundland and Labrador");
    expect(subdivisionName("US-PR")).toBe("Puerto Rico");
    expect(subdivisionName("GB-ENG")).toBeNull();
  });
});

describe("regionFromSubdivision", () => {
  it.each([
    ["US", "California", "US-CA"],
    ["us", "california", "US-CA"],
    ["US", "CA", "US-CA"],
    ["US", "US-CA", "US-CA"],
    ["US", "New York", "US-NY"],
    ["US", "District of Columbia", "US-DC"],
    ["US", "Washington, D.C.", "US-DC"],
    ["US", "Washington", "US-WA"],
    ["US", "  texas ", "US-TX"],
    ["US", "Puerto Rico", "US-PR"],
    ["CA", "Ontario", "CA-ON"],
    ["CA", "Québec", "CA-QC"],
    ["CA", "QC", "CA-QC"],
    ["CA", "Newfoundland", "CA-NL"],
    ["CA", "Yukon Territory", "CA-YT"],
    // Geo-IP reports territories as countries; they fold into US-XX like area codes do.
    ["PR", "", "US-PR"],
    ["GU", "Guam", "US-GU"],
    ["VI", "", "US-VI"],
    // Unknown subdivision or no table: the country is still a region.
    ["US", "Atlantis", "US"],
    ["US", "", "US"],
    ["CA", "California", "CA"],
    ["GB", "England", "GB"],
    ["de", "Bayern", "DE"],
  ])("(%s, %s) -> %s", (country, name, region) => {
    expect(regionFromSubdivision(country, name)).toBe(region);
  });

  it.each([
    ["", "California"],
    ["USA", "California"],
    ["1", "x"],
  ])("(%s, %s) -> null", (country, name) => {
    expect(regionFromSubdivision(country, name)).toBeNull();
  });

  it("finds every state and province by its own name and by its code", () => {
    for (const [code, name] of Object.entries({ ...US_STATES, ...CA_PROVINCES })) {
      const country = code.slice(0, 2);
      expect(regionFromSubdivision(country, name)).toBe(code);
      expect(regionFromSubdivision(country, code.slice(3))).toBe(code);
    }
  });
});

describe("regionCentroid", () => {
  it("has a centroid for every state, DC and province", () => {
    const missing = Object.keys({ ...US_STATES, ...CA_PROVINCES }).filter(
      (code) => regionCentroid(code) === null,
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ["US-CO", { lat: 39.7392, lon: -104.9903 }, 150], // Denver
    ["US-KS", { lat: 39.0473, lon: -95.6752 }, 300], // Topeka
    ["US-TN", { lat: 36.1627, lon: -86.7816 }, 100], // Nashville
    ["US-PA", { lat: 40.2732, lon: -76.8867 }, 150], // Harrisburg
    ["US-HI", { lat: 21.3069, lon: -157.8583 }, 200], // Honolulu
    ["CA-AB", { lat: 53.5461, lon: -113.4938 }, 250], // Edmonton
    ["CA-PE", { lat: 46.2382, lon: -63.1311 }, 50], // Charlottetown
  ])("puts %s near a city inside it", (region, city, withinKm) => {
    const centre = regionCentroid(region);
    expect(centre).not.toBeNull();
    if (centre) expect(distanceKm(centre, city)).toBeLessThan(withinKm);
  });

  it("is null for countries and unknown codes", () => {
    expect(regionCentroid("US")).toBeNull();
    expect(regionCentroid("GB-ENG")).toBeNull();
  });

  it("accepts lower case", () => {
    expect(regionCentroid("us-co")).toEqual(regionCentroid("US-CO"));
  });
});

describe("distanceKm", () => {
  const sanFrancisco = { lat: 37.7749, lon: -122.4194 };
  const losAngeles = { lat: 34.0522, lon: -118.2437 };
  const london = { lat: 51.5074, lon: -0.1278 };
  const paris = { lat: 48.8566, lon: 2.3522 };

  it("matches known great-circle distances", () => {
    expect(distanceKm(sanFrancisco, losAngeles)).toBeCloseTo(559, -1);
    expect(distanceKm(london, paris)).toBeCloseTo(344, -1);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(20015, -1);
  });

  it("is zero for a point and symmetric", () => {
    expect(distanceKm(london, london)).toBe(0);
    expect(distanceKm(paris, london)).toBe(distanceKm(london, paris));
  });

  it("crosses the antimeridian the short way", () => {
    expect(distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.2, 0);
  });

  it("tells neighbouring states from distant ones", () => {
    const ca = regionCentroid("US-CA");
    const nv = regionCentroid("US-NV");
    const ny = regionCentroid("US-NY");
    if (!ca || !nv || !ny) throw new Error("missing centroid");
    expect(distanceKm(ca, nv)).toBeLessThan(500);
    expect(distanceKm(ca, ny)).toBeGreaterThan(3500);
  });
});
