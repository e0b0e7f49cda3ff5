import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_PARAMS,
  delayDensity,
  IN_SESSION_MS,
  LOOKBACK_MS,
  RATE_HORIZON_MS,
  RATE_LOOKBACK_MS,
  type RatePair,
  ratePair,
  ratePosterior,
  scoreCallByRate,
  sessionRate,
} from "./rate";
import type { CallForMatch, Candidate } from "./types";

const MINUTE = 60_000;
const pair = (delayMs: number, extra: Partial<RatePair> = {}): RatePair => ({
  delayMs,
  outside: false,
  linked: false,
  evidence: 1,
  ...extra,
});

describe("delayDensity", () => {
  it("is a density over hours: it integrates to 1", () => {
    let total = 0;
    // Midpoint rule on a log grid from 1e-4 h to 1e5 h.
    for (let lx = Math.log(1e-4); lx < Math.log(1e5); lx += 0.001) {
      const x = Math.exp(lx + 0.0005);
      total += delayDensity(x, 125, 1.6) * x * 0.001;
    }
    expect(total).toBeCloseTo(1, 3);
  });
});

describe("ratePosterior", () => {
  it("shares the call among its causes by rate, with the background as 'no session'", () => {
    const post = ratePosterior(DEFAULT_RATE_PARAMS, [pair(0), pair(3 * 60 * MINUTE)]);
    const sum = post.none + post.candidates.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    // On screen at the call beats a visit that ended three hours before.
    expect(post.candidates[0]).toBeGreaterThan(post.candidates[1] as number);
    expect(post.none).toBeGreaterThan(0);
  });

  it("gives a candidate outside the lookback nothing, and no candidates means no session", () => {
    const post = ratePosterior(DEFAULT_RATE_PARAMS, [pair(0, { outside: true })]);
    expect(post.candidates).toEqual([0]);
    expect(post.none).toBe(1);
    expect(ratePosterior(DEFAULT_RATE_PARAMS, []).none).toBe(1);
  });

  it("adds the repeat rate to a linked visitor's old session", () => {
    const old = 60 * 60 * MINUTE;
    const recent = 20 * MINUTE;
    const unlinked = ratePosterior(DEFAULT_RATE_PARAMS, [pair(old), pair(recent)]);
    const linked = ratePosterior(DEFAULT_RATE_PARAMS, [pair(old, { linked: true }), pair(recent)]);
    expect(unlinked.candidates[0]).toBeLessThan(unlinked.candidates[1] as number);
    expect(linked.candidates[0]).toBeGreaterThan(linked.candidates[1] as number);
  });

  it("keeps the repeat rate for a linked visitor's session beyond the lookback", () => {
    const post = ratePosterior(DEFAULT_RATE_PARAMS, [
      pair(10 * 24 * 60 * MINUTE, { outside: true, linked: true }),
      pair(10 * 24 * 60 * MINUTE, { outside: true }),
    ]);
    expect(post.candidates[0]).toBeGreaterThan(0.5);
    expect(post.candidates[1]).toBe(0);
  });

  it("weighs caller-side evidence as a factor on the rate", () => {
    const post = ratePosterior(DEFAULT_RATE_PARAMS, [
      pair(30 * MINUTE, { evidence: 10 }),
      pair(30 * MINUTE, { evidence: 1 }),
    ]);
    expect((post.candidates[0] as number) / (post.candidates[1] as number)).toBeCloseTo(10, 9);
  });
});

describe("ratePair and scoreCallByRate", () => {
  const call: CallForMatch = {
    at: Date.UTC(2026, 0, 5, 12),
    to: "+12125550100",
    callerRegion: "US-NY",
    callerCountry: "US",
    lineType: "mobile",
    callerHistory: { visitorIds: ["v_old"] },
  };
  const candidate = (id: string, visitor: string, seenMinutesAgo: number): Candidate => ({
    sessionId: id,
    visitorId: visitor,
    leaseStart: call.at - seenMinutesAgo * MINUTE - 5 * MINUTE,
    leaseEnd: call.at - seenMinutesAgo * MINUTE + 30 * MINUTE,
    lastSeenAt: call.at - seenMinutesAgo * MINUTE,
    telClicks: [],
    region: "US-NY",
    country: "US",
    lat: null,
    lon: null,
    device: "mobile",
    shared: false,
  });

  it("reads delay, lookback and link from the call and candidate", () => {
    const p = ratePair(call, candidate("s1", "v_old", 90));
    expect(p.delayMs).toBe(90 * MINUTE);
    expect(p.linked).toBe(true);
    expect(p.outside).toBe(false);
    expect(p.evidence).toBeGreaterThan(1); // same region, both mobile
    // Beyond FS's 72 h, within the rate model's own lookback: still a cause, a weaker one.
    const old = ratePair(call, candidate("s2", "v2", LOOKBACK_MS / MINUTE + 1));
    expect(old.outside).toBe(false);
    expect(sessionRate(DEFAULT_RATE_PARAMS, old)).toBeGreaterThan(0);
    expect(sessionRate(DEFAULT_RATE_PARAMS, old)).toBeLessThan(
      sessionRate(DEFAULT_RATE_PARAMS, ratePair(call, candidate("s4", "v2", 600))),
    );
    // Past every holder's 7 days (offered only as the number's last holder), weaker again.
    const week = ratePair(call, candidate("s2", "v2", RATE_LOOKBACK_MS / MINUTE + 1));
    expect(week.outside).toBe(false);
    expect(sessionRate(DEFAULT_RATE_PARAMS, week)).toBeGreaterThan(0);
    expect(sessionRate(DEFAULT_RATE_PARAMS, week)).toBeLessThan(
      sessionRate(DEFAULT_RATE_PARAMS, old),
    );
    expect(ratePair(call, candidate("s2", "v2", RATE_HORIZON_MS / MINUTE + 1)).outside).toBe(true);
    // Took the number only after the call.
    const later = { ...candidate("s5", "v5", 0), leaseStart: call.at + 60_000 };
    expect(ratePair(call, later).outside).toBe(true);
    const seenAfter = { ...candidate("s3", "v3", 0), lastSeenAt: call.at + 10_000 };
    expect(ratePair(call, seenAfter).delayMs).toBe(0);
    expect(ratePair(call, seenAfter).delayMs).toBeLessThan(IN_SESSION_MS);
  });

  it("ranks the on-screen session first and sums to 1 with 'no session'", () => {
    const score = scoreCallByRate(call, [
      candidate("s_old", "v9", 600),
      candidate("s_now", "v2", 0),
    ]);
    expect(score.candidates[0]?.sessionId).toBe("s_now");
    const sum = score.none + score.candidates.reduce((a, c) => a + c.probability, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("gives each candidate a weight in bits against 'no session' that its contributions sum to", () => {
    const score = scoreCallByRate(call, [
      candidate("s_now", "v2", 0),
      candidate("s_linked", "v_old", 900),
      candidate("s_gone", "v3", RATE_HORIZON_MS / MINUTE + 5),
    ]);
    for (const c of score.candidates) {
      const sum = c.contributions.reduce((a, p) => a + p.weight, 0);
      expect(sum).toBeCloseTo(c.weight, 9);
      expect(Number.isFinite(c.weight)).toBe(true);
      // P(candidate) / P(none) = 2^weight.
      if (c.probability > 0) expect(c.probability / score.none).toBeCloseTo(2 ** c.weight, 6);
    }
    const gone = score.candidates.find((c) => c.sessionId === "s_gone");
    expect(gone?.probability).toBe(0);
    expect(gone?.weight).toBeLessThan(-900);
  });
});
