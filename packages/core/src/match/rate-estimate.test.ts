import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import { DEFAULT_RATE_PARAMS, type RatePair, type RateParams, ratePosterior } from "./rate";
import {
  backgroundFor,
  estimateRates,
  labelledCounts,
  maximization,
  rateExposure,
} from "./rate-estimate";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Traffic drawn from the rate model itself: sessions take the least recently released of
 * `numbers` pool numbers (30-minute hold), stay on screen a few minutes, and call in session
 * or after a log-normal delay; some calls come from no session. Only the leases and calls are
 * handed to the estimator, the causes are kept to score it.
 */
function simulate(truth: { median: number; sigma: number; inShare: number }, seed: number) {
  const rnd = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const days = 3;
  const to = days * 24 * HOUR;
  const numbers = 80;
  const freeAt = new Array<number>(numbers).fill(0);
  const leases: { number: number; id: number; start: number; lastSeenAt: number }[] = [];
  const calls: { at: number; number: number; cause: number | null }[] = [];
  let t = 0;
  while (t < to) {
    t += -Math.log(1 - rnd()) * (HOUR / 60); // 60 sessions an hour
    let n = 0;
    for (let i = 1; i < numbers; i++) if ((freeAt[i] as number) < (freeAt[n] as number)) n = i;
    const onScreen = (1 + 4 * rnd()) * MINUTE;
    const lease = { number: n, id: leases.length, start: t, lastSeenAt: t + onScreen };
    leases.push(lease);
    freeAt[n] = lease.lastSeenAt + 30 * MINUTE;
    if (rnd() < 0.2) {
      const at =
        rnd() < truth.inShare
          ? t + rnd() * onScreen
          : lease.lastSeenAt + truth.median * MINUTE * Math.exp(truth.sigma * normal());
      if (at < to) calls.push({ at, number: n, cause: lease.id });
    }
  }
  // Background: 15% as many calls again, uniform over the numbers and the window.
  const background = Math.round(calls.length * 0.15);
  for (let i = 0; i < background; i++) {
    calls.push({ at: rnd() * to, number: Math.floor(rnd() * numbers), cause: null });
  }
  const withPairs = calls.map((call) => {
    const held = leases.filter(
      (l) => l.number === call.number && l.start <= call.at && call.at - l.lastSeenAt < 72 * HOUR,
    );
    const pairs: RatePair[] = held.map((l) => ({
      delayMs: Math.max(0, call.at - l.lastSeenAt),
      outside: false,
      linked: false,
      evidence: 1,
    }));
    const index = held.findIndex((l) => l.id === call.cause);
    return { pairs, cause: index < 0 ? null : { index, repeat: false } };
  });
  const exposure = rateExposure({ from: 0, to, leases, numbers, links: [], callers: calls.length });
  return { calls: withPairs, exposure };
}

function top1(calls: ReturnType<typeof simulate>["calls"], rate: RateParams): number {
  let right = 0;
  let total = 0;
  for (const call of calls) {
    if (call.cause === null) continue;
    total++;
    const post = ratePosterior(rate, call.pairs);
    const best = post.candidates.indexOf(Math.max(...post.candidates));
    if (best === call.cause.index) right++;
  }
  return right / total;
}

describe("estimateRates", () => {
  const truth = { median: 40, sigma: 1.2, inShare: 0.35 };
  const { calls, exposure } = simulate(truth, 7);
  const pairs = calls.map((c) => c.pairs);
  const estimate = estimateRates(pairs, exposure, DEFAULT_RATE_PARAMS);

  it("recovers the delay from calls and leases alone, starting from the defaults", () => {
    const fit = estimate;
    // The defaults start at a 125-minute median and σ 1.6.
    expect(fit.params.delayMedianMin).toBeGreaterThan(truth.median * 0.75);
    expect(fit.params.delayMedianMin).toBeLessThan(truth.median * 1.33);
    expect(Math.abs(fit.params.delaySigma - truth.sigma)).toBeLessThan(0.25);
    // In-session calls are 35% of session calls; after-visit ones are the rest (per session).
    const inShare =
      (fit.params.inSession * exposure.inSessionHours) /
      (fit.params.inSession * exposure.inSessionHours +
        fit.params.afterVisit * exposure.afterVisitSpans.reduce((a, b) => a + b, 0));
    expect(Math.abs(inShare - truth.inShare)).toBeLessThan(0.08);
  });

  it("climbs the likelihood at every step", () => {
    const fit = estimate;
    expect(fit.iterations).toBeGreaterThan(1);
    for (let i = 1; i < fit.trace.length; i++) {
      expect(fit.trace[i] as number).toBeGreaterThanOrEqual((fit.trace[i - 1] as number) - 1e-6);
    }
  });

  it("ranks nearly as well as the rates counted from the true causes", () => {
    const fit = estimate.params;
    const oracle = maximization(labelledCounts(calls), exposure, DEFAULT_RATE_PARAMS);
    expect(top1(calls, fit)).toBeGreaterThan(top1(calls, oracle) - 0.01);
  });

  it("puts the share of calls from no session near the truth", () => {
    const fit = estimate.params;
    const truthShare = calls.filter((c) => c.cause === null).length / calls.length;
    const none = (rate: RateParams) =>
      calls.reduce((sum, c) => sum + ratePosterior(rate, c.pairs).none, 0) / calls.length;
    expect(Math.abs(none(fit) - truthShare)).toBeLessThan(0.03);
  });

  it("can hold the average P(no session) at a given share", () => {
    const held = estimateRates(pairs, exposure, DEFAULT_RATE_PARAMS, { noneShare: 0.3 }).params;
    const none =
      calls.reduce((sum, c) => sum + ratePosterior(held, c.pairs).none, 0) / calls.length;
    expect(none).toBeCloseTo(0.3, 3);
    expect(backgroundFor(pairs, held, 0.3)).toBeCloseTo(held.background, 9);
  });

  it("holding the share, fits on past a step where the pin lowers the likelihood", () => {
    // From the free fit, the first pinned step can only lower the objective. EM took such a
    // fall for convergence and stopped after one step (it did on the 1-day sweep's traffic).
    const free = estimateRates(pairs, exposure, DEFAULT_RATE_PARAMS).params;
    const fromFree = estimateRates(pairs, exposure, free, { noneShare: 0.3 });
    const fromDefaults = estimateRates(pairs, exposure, DEFAULT_RATE_PARAMS, { noneShare: 0.3 });
    expect(fromFree.trace[1]).toBeLessThan(fromFree.trace[0] as number);
    expect(fromFree.iterations).toBeGreaterThan(2);
    expect(fromFree.params.delayMedianMin / fromDefaults.params.delayMedianMin).toBeCloseTo(1, 1);
    expect(fromFree.params.delaySigma).toBeCloseTo(fromDefaults.params.delaySigma, 1);
  });

  it("leaves the rates as they are with no calls", () => {
    const fit = estimateRates([], exposure, DEFAULT_RATE_PARAMS);
    expect(fit.params).toEqual(DEFAULT_RATE_PARAMS);
  });
});
