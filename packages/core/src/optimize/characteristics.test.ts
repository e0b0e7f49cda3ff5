import { describe, expect, it } from "vitest";
import { characteristicKey, type NumberFacts, numberCharacteristics } from "./characteristics";

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

function number(overrides: Partial<NumberFacts> = {}): NumberFacts {
  return {
    e164: "+13035550100",
    kind: "local",
    region: "US-CO",
    createdAt: NOW - 90 * DAY,
    status: "active",
    ...overrides,
  };
}

describe("numberCharacteristics", () => {
  it("describes a local number seen from its own region", () => {
    expect(numberCharacteristics(number(), { region: "US-CO", country: "US" }, NOW)).toEqual({
      kind: "local",
      region: "US-CO",
      inRegion: true,
      sameCountry: true,
      distanceKm: 0,
      isNew: false,
      quarantined: false,
    });
  });

  it("measures distance from the visitor's own point when known", () => {
    // Denver to the centre of Colorado is roughly 100 km.
    const c = numberCharacteristics(
      number(),
      { region: "US-CO", country: "US", lat: 39.74, lon: -104.99 },
      NOW,
    );
    expect(c.distanceKm).toBeGreaterThan(50);
    expect(c.distanceKm).toBeLessThan(150);
  });

  it("tells out-of-region and other-country visitors apart", () => {
    const ny = numberCharacteristics(number(), { region: "US-NY", country: "US" }, NOW);
    expect(ny.inRegion).toBe(false);
    expect(ny.sameCountry).toBe(true);
    expect(ny.distanceKm).toBeGreaterThan(2000);
    const gb = numberCharacteristics(number(), { region: null, country: "GB" }, NOW);
    expect(gb).toMatchObject({ inRegion: null, sameCountry: false, distanceKm: null });
  });

  it("leaves relations unknown without a visitor or a visitor region", () => {
    expect(numberCharacteristics(number(), undefined, NOW)).toMatchObject({
      inRegion: null,
      sameCountry: null,
      distanceKm: null,
    });
    expect(numberCharacteristics(number(), { region: null, country: "US" }, NOW)).toMatchObject({
      inRegion: null,
      sameCountry: true,
    });
  });

  it("never places a toll-free number in a region", () => {
    const c = numberCharacteristics(
      number({ e164: "+18005550100", kind: "toll_free", region: "US" }),
      { region: "US-CO", country: "US" },
      NOW,
    );
    expect(c).toMatchObject({
      kind: "toll_free",
      inRegion: null,
      sameCountry: true,
      distanceKm: null,
    });
  });

  it("flags new and quarantined numbers", () => {
    const c = numberCharacteristics(
      number({ createdAt: NOW - 3 * DAY, status: "quarantined" }),
      undefined,
      NOW,
    );
    expect(c).toMatchObject({ isNew: true, quarantined: true });
    expect(
      numberCharacteristics(number({ createdAt: NOW - 3 * DAY }), undefined, NOW, 2).isNew,
    ).toBe(false);
  });
});

describe("characteristicKey", () => {
  it("classes leases for learning", () => {
    expect(characteristicKey({ kind: "toll_free", inRegion: null })).toBe("toll_free");
    expect(characteristicKey({ kind: "local", inRegion: true })).toBe("local:in_region");
    expect(characteristicKey({ kind: "local", inRegion: false })).toBe("local:out_of_region");
    expect(characteristicKey({ kind: "local", inRegion: null })).toBe("local:unknown_region");
  });
});
