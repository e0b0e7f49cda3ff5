import { describe, expect, it } from "vitest";
import { comparisonVector } from "./compare";
import type { CallForMatch, Candidate } from "./types";

const MIN = 60_000;
const AT = Date.UTC(2025, 2, 3, 15, 0, 0);

function call(over: Partial<CallForMatch> = {}): CallForMatch {
  return {
    at: AT,
    to: "+13035550100",
    callerRegion: "US-CO",
    callerCountry: "US",
    lineType: "mobile",
    callerHistory: { visitorIds: [] },
    ...over,
  };
}

function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    sessionId: "ses_1",
    visitorId: "vis_1",
    leaseStart: AT - 20 * MIN,
    leaseEnd: AT + 25 * MIN,
    lastSeenAt: AT - 30_000,
    telClicks: [],
    region: "US-CO",
    country: "US",
    lat: null,
    lon: null,
    device: "mobile",
    shared: false,
    ...over,
  };
}

describe("comparisonVector: delay and live", () => {
  it("buckets the time since the last heartbeat, bounds exclusive", () => {
    const delay = (ms: number) =>
      comparisonVector(call(), candidate({ lastSeenAt: AT - ms })).delay;
    expect(delay(0)).toBe("lt_2m");
    expect(delay(2 * MIN - 1)).toBe("lt_2m");
    expect(delay(2 * MIN)).toBe("lt_10m");
    expect(delay(59 * MIN)).toBe("lt_1h");
    expect(delay(5 * 60 * MIN)).toBe("lt_6h");
    expect(delay(23 * 60 * MIN)).toBe("lt_24h");
    expect(delay(71 * 60 * MIN)).toBe("lt_72h");
    expect(delay(72 * 60 * MIN)).toBe("stale");
  });

  it("counts a session seen after the call as on screen, but not one that began after it", () => {
    expect(comparisonVector(call(), candidate({ lastSeenAt: AT + 10 * MIN })).delay).toBe("lt_2m");
    const late = candidate({ leaseStart: AT + MIN, lastSeenAt: AT + 2 * MIN });
    expect(comparisonVector(call(), late).delay).toBe("stale");
    expect(comparisonVector(call(), late).live).toBe("expired");
  });

  it("is live only within [leaseStart, leaseEnd]", () => {
    expect(comparisonVector(call(), candidate({ leaseEnd: AT })).live).toBe("live");
    expect(comparisonVector(call(), candidate({ leaseEnd: AT - 1 })).live).toBe("expired");
  });
});

describe("comparisonVector: tel clicks", () => {
  const tel = (clicks: number[]) =>
    comparisonVector(call(), candidate({ telClicks: clicks })).tel_click;
  it("takes the nearest click before the call, with a little clock skew", () => {
    expect(tel([])).toBe("none");
    expect(tel([AT - 90_000])).toBe("lt_2m");
    expect(tel([AT + 20_000])).toBe("lt_2m");
    expect(tel([AT + 5 * MIN])).toBe("none");
    expect(tel([AT - 40 * MIN, AT - 20 * MIN])).toBe("lt_30m");
    expect(tel([AT - 31 * MIN])).toBe("none");
  });
});

describe("comparisonVector: geo", () => {
  const geo = (c: Partial<CallForMatch>, s: Partial<Candidate>) =>
    comparisonVector(call(c), candidate(s)).geo;

  it("uses distance when both points are known", () => {
    // Denver to Boulder ≈ 40 km, Denver to Colorado Springs ≈ 100 km, Denver to LA ≈ 1,340 km.
    const denver = { callerLat: 39.74, callerLon: -104.99 };
    expect(geo(denver, { lat: 40.01, lon: -105.27 })).toBe("km_50");
    expect(geo(denver, { lat: 38.83, lon: -104.82 })).toBe("km_250");
    expect(geo(denver, { lat: 41.26, lon: -95.94, region: "US-NE" })).toBe("km_1000");
    expect(geo(denver, { lat: 34.05, lon: -118.24, region: "US-CA" })).toBe("km_far");
  });

  it("falls back to regions, neighbours by centroid, then countries", () => {
    expect(geo({}, {})).toBe("same_region");
    expect(geo({ callerRegion: "US-NY" }, { region: "US-NJ" })).toBe("near_region");
    expect(geo({ callerRegion: "US-NY" }, { region: "US-CA" })).toBe("other_region");
    expect(geo({ callerRegion: "US-WA" }, { region: "CA-BC", country: "CA" })).toBe(
      "other_country",
    );
    expect(geo({ callerRegion: "GB", callerCountry: "GB" }, { region: "GB", country: "GB" })).toBe(
      "country_only",
    );
    expect(geo({ callerRegion: null, callerCountry: "US" }, { region: null, country: "DE" })).toBe(
      "other_country",
    );
    expect(geo({ callerRegion: null, callerCountry: null }, {})).toBe("unknown");
  });
});

describe("comparisonVector: device and history", () => {
  it("pairs line type with device, tablets counting as desktops", () => {
    const device = (c: Partial<CallForMatch>, s: Partial<Candidate>) =>
      comparisonVector(call(c), candidate(s)).device;
    expect(device({}, {})).toBe("both_mobile");
    expect(device({}, { device: "tablet" })).toBe("mobile_desktop");
    expect(device({ lineType: "landline" }, {})).toBe("fixed_mobile");
    expect(device({ lineType: "voip" }, { device: "desktop" })).toBe("fixed_desktop");
    expect(device({ lineType: null }, {})).toBe("unknown");
  });

  it("tells a linked visitor from an unlinked one and from a first-time caller", () => {
    const history = (ids: string[], visitorId: string | null) =>
      comparisonVector(call({ callerHistory: { visitorIds: ids } }), candidate({ visitorId }))
        .history;
    expect(history([], "vis_1")).toBe("no_history");
    expect(history(["vis_0", "vis_1"], "vis_1")).toBe("linked");
    expect(history(["vis_0"], "vis_1")).toBe("not_linked");
    expect(history(["vis_0"], null)).toBe("not_linked");
  });
});
