import { describe, expect, it } from "vitest";
import { FEATURE_LEVELS, FEATURE_NAMES } from "./levels";
import { DEFAULT_MATCH_PARAMS } from "./params";
import { posterior } from "./posterior";
import { scoreCall } from "./score";
import type { CallForMatch, Candidate } from "./types";

const MIN = 60_000;
const AT = Date.UTC(2025, 2, 3, 15, 0, 0);

const call: CallForMatch = {
  at: AT,
  to: "+13035550100",
  callerRegion: "US-CO",
  callerCountry: "US",
  lineType: "mobile",
  callerHistory: { visitorIds: [] },
};

const liveClicker: Candidate = {
  sessionId: "ses_live",
  visitorId: "vis_a",
  leaseStart: AT - 10 * MIN,
  leaseEnd: AT + 29 * MIN,
  lastSeenAt: AT - 40_000,
  telClicks: [AT - 30_000],
  region: "US-CO",
  country: "US",
  lat: null,
  lon: null,
  device: "mobile",
  shared: true,
};

const expiredAway: Candidate = {
  ...liveClicker,
  sessionId: "ses_old",
  visitorId: "vis_b",
  leaseStart: AT - 8 * 60 * MIN,
  leaseEnd: AT - 5 * 60 * MIN,
  lastSeenAt: AT - 5.5 * 60 * MIN,
  telClicks: [],
  region: "US-FL",
  device: "desktop",
};

describe("DEFAULT_MATCH_PARAMS", () => {
  it("gives every feature m and u tables over exactly its levels, each summing to 1", () => {
    for (const feature of FEATURE_NAMES) {
      const { m, u } = DEFAULT_MATCH_PARAMS.features[feature];
      for (const table of [m, u]) {
        expect(Object.keys(table).sort()).toEqual([...FEATURE_LEVELS[feature]].sort());
        const sum = Object.values(table).reduce((a: number, b: number) => a + b, 0);
        expect(sum).toBeCloseTo(1, 3);
        for (const p of Object.values(table)) expect(p).toBeGreaterThan(0);
      }
    }
    expect(DEFAULT_MATCH_PARAMS.none).toBeGreaterThan(0);
    expect(DEFAULT_MATCH_PARAMS.none).toBeLessThan(1);
  });

  it("makes each feature's agreeing level evidence for a match and its disagreeing one against", () => {
    const ratio = <T extends Record<string, number>>(m: T, u: T, k: keyof T) =>
      Math.log2((m[k] as number) / (u[k] as number));
    const f = DEFAULT_MATCH_PARAMS.features;
    expect(ratio(f.delay.m, f.delay.u, "lt_2m")).toBeGreaterThan(5);
    expect(ratio(f.delay.m, f.delay.u, "lt_72h")).toBeLessThan(-3);
    expect(ratio(f.geo.m, f.geo.u, "same_region")).toBeGreaterThan(2);
    expect(ratio(f.geo.m, f.geo.u, "other_region")).toBeLessThan(-2);
    expect(ratio(f.device.m, f.device.u, "fixed_mobile")).toBeLessThan(-2);
    expect(ratio(f.history.m, f.history.u, "linked")).toBeGreaterThan(4);
    expect(ratio(f.history.m, f.history.u, "no_history")).toBe(0);
    expect(ratio(f.geo.m, f.geo.u, "unknown")).toBeCloseTo(0, 10);
  });
});

describe("scoreCall", () => {
  it("prefers a live lease with a fresh tel: click in the caller's region", () => {
    const score = scoreCall(call, [expiredAway, liveClicker]);
    expect(score.candidates.map((c) => c.sessionId)).toEqual(["ses_live", "ses_old"]);
    const [live, old] = score.candidates;
    expect(live?.probability).toBeGreaterThan(0.99);
    expect(old?.probability).toBeLessThan(0.001);
    expect(live?.weight).toBeGreaterThan(20);
    expect(old?.weight).toBeLessThan(0);
  });

  it("sums probabilities and none to 1", () => {
    for (const candidates of [[liveClicker], [expiredAway], [liveClicker, expiredAway]]) {
      const score = scoreCall(call, candidates);
      const total = score.candidates.reduce((s, c) => s + c.probability, score.none);
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it("leaves an expired, far-away candidate mostly unattributed", () => {
    const score = scoreCall(call, [expiredAway]);
    expect(score.none).toBeGreaterThan(0.5);
  });

  it("says no session when there are no candidates", () => {
    expect(scoreCall(call, [])).toEqual({ candidates: [], none: 1 });
  });

  it("explains the weight: contributions per feature sum to it", () => {
    for (const c of scoreCall(call, [liveClicker, expiredAway]).candidates) {
      expect(c.contributions.map((x) => x.feature)).toEqual(FEATURE_NAMES);
      const sum = c.contributions.reduce((s, x) => s + x.weight, 0);
      expect(sum).toBeCloseTo(c.weight, 12);
    }
    const live = scoreCall(call, [liveClicker]).candidates[0];
    const tel = live?.contributions.find((x) => x.feature === "tel_click");
    expect(tel).toEqual({ feature: "tel_click", level: "lt_2m", weight: Math.log2(0.3 / 0.001) });
  });
});

describe("posterior", () => {
  it("normalises over the candidates and the null outcome with a uniform prior", () => {
    // π_s = (1 − 0.5)/2 = 0.25; terms 0.25·2¹ = 0.5, 0.25·2⁰ = 0.25, null 0.5; total 1.25.
    const p = posterior([1, 0], 0.5);
    expect(p.candidates[0]).toBeCloseTo(0.4, 12);
    expect(p.candidates[1]).toBeCloseTo(0.2, 12);
    expect(p.none).toBeCloseTo(0.4, 12);
    expect(p.logEvidence).toBeCloseTo(Math.log(1.25), 12);
  });

  it("stays finite at weights whose powers of two overflow", () => {
    const p = posterior([2000, 1999, -2000], 0.2);
    expect(p.candidates[0]).toBeCloseTo(2 / 3, 12);
    expect(p.candidates[1]).toBeCloseTo(1 / 3, 12);
    expect(p.candidates[2]).toBe(0);
    expect(p.none).toBe(0);
    expect(Number.isFinite(p.logEvidence)).toBe(true);
  });

  it("handles impossible and certain candidates", () => {
    expect(posterior([Number.NEGATIVE_INFINITY], 0).none).toBe(1);
    const certain = posterior([Number.POSITIVE_INFINITY, 3], 0.3);
    expect(certain.candidates).toEqual([1, 0]);
    expect(() => posterior([0], 1.5)).toThrow(RangeError);
  });
});
