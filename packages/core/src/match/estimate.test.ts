import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import { type CallLevels, estimateMatchParams } from "./estimate";
import { FEATURE_LEVELS, FEATURE_NAMES, type FeatureName, type MatchLevels } from "./levels";
import { DEFAULT_MATCH_PARAMS, type MatchParams } from "./params";

/** A local business: most traffic from the caller's own region, fewer in-session calls. */
const TRUTH: MatchParams = {
  none: 0.25,
  features: {
    delay: {
      m: {
        lt_2m: 0.25,
        lt_10m: 0.1,
        lt_1h: 0.2,
        lt_6h: 0.2,
        lt_24h: 0.15,
        lt_72h: 0.08,
        stale: 0.02,
      },
      u: {
        lt_2m: 0.01,
        lt_10m: 0.02,
        lt_1h: 0.05,
        lt_6h: 0.12,
        lt_24h: 0.25,
        lt_72h: 0.5,
        stale: 0.05,
      },
    },
    live: { m: { live: 0.4, expired: 0.6 }, u: { live: 0.03, expired: 0.97 } },
    tel_click: {
      m: { lt_2m: 0.2, lt_30m: 0.1, none: 0.7 },
      u: { lt_2m: 0.01, lt_30m: 0.02, none: 0.97 },
    },
    geo: {
      m: {
        km_50: 0.1,
        km_250: 0.05,
        km_1000: 0.02,
        km_far: 0.01,
        same_region: 0.5,
        near_region: 0.1,
        other_region: 0.07,
        country_only: 0.05,
        other_country: 0.02,
        unknown: 0.08,
      },
      u: {
        km_50: 0.08,
        km_250: 0.06,
        km_1000: 0.04,
        km_far: 0.03,
        same_region: 0.3,
        near_region: 0.15,
        other_region: 0.15,
        country_only: 0.05,
        other_country: 0.06,
        unknown: 0.08,
      },
    },
    device: {
      m: {
        both_mobile: 0.5,
        mobile_desktop: 0.15,
        fixed_mobile: 0.03,
        fixed_desktop: 0.17,
        unknown: 0.15,
      },
      u: {
        both_mobile: 0.3,
        mobile_desktop: 0.25,
        fixed_mobile: 0.15,
        fixed_desktop: 0.15,
        unknown: 0.15,
      },
    },
    history: {
      m: { linked: 0.15, not_linked: 0.05, no_history: 0.8 },
      u: { linked: 0.01, not_linked: 0.19, no_history: 0.8 },
    },
  },
};

function draw(table: Readonly<Record<string, number>>, rng: () => number): string {
  let r = rng();
  const entries = Object.entries(table);
  for (const [level, p] of entries) {
    r -= p;
    if (r < 0) return level;
  }
  return entries.at(-1)?.[0] ?? "";
}

function sampleLevels(params: MatchParams, cls: "m" | "u", rng: () => number): MatchLevels {
  const out: Record<string, string> = {};
  for (const f of FEATURE_NAMES) out[f] = draw(params.features[f][cls], rng);
  return out as MatchLevels;
}

/** Calls with 1–5 candidates; with probability `none` no candidate is the caller's session. */
function synthesize(params: MatchParams, calls: number, rng: () => number): CallLevels[] {
  return Array.from({ length: calls }, () => {
    const n = 1 + Math.floor(rng() * 5);
    const truth = rng() < params.none ? -1 : Math.floor(rng() * n);
    return {
      candidates: Array.from({ length: n }, (_, i) =>
        sampleLevels(params, i === truth ? "m" : "u", rng),
      ),
    };
  });
}

function maxError(a: MatchParams, b: MatchParams, cls: "m" | "u"): number {
  let worst = 0;
  for (const f of FEATURE_NAMES as FeatureName[]) {
    for (const level of FEATURE_LEVELS[f] as readonly string[]) {
      const x = (a.features[f][cls] as Record<string, number>)[level] ?? Number.NaN;
      const y = (b.features[f][cls] as Record<string, number>)[level] ?? Number.NaN;
      worst = Math.max(worst, Math.abs(x - y));
    }
  }
  return worst;
}

describe("estimateMatchParams", () => {
  const calls = synthesize(TRUTH, 6000, seededRandom(20250303));
  // About a second per fit: fit once and share it between the assertions that read it.
  const fit = estimateMatchParams(calls, DEFAULT_MATCH_PARAMS);

  it("recovers m, u and the null prior of the process that made the calls", () => {
    expect(fit.converged).toBe(true);
    // The defaults start far from this truth (e.g. delay u lt_72h 0.66 vs 0.50, none 0.15).
    expect(maxError(DEFAULT_MATCH_PARAMS, TRUTH, "m")).toBeGreaterThan(0.1);
    expect(maxError(fit.params, TRUTH, "m")).toBeLessThan(0.035);
    expect(maxError(fit.params, TRUTH, "u")).toBeLessThan(0.02);
    expect(fit.params.none).toBeCloseTo(TRUTH.none, 1);
  });

  it("never lowers the objective and ends above where it started", () => {
    expect(fit.trace.length).toBe(fit.iterations + 1);
    for (let i = 1; i < fit.trace.length; i++) {
      const step = (fit.trace[i] ?? 0) - (fit.trace[i - 1] ?? 0);
      expect(step).toBeGreaterThanOrEqual(-1e-9 * Math.abs(fit.trace[i] ?? 1));
    }
    expect((fit.trace.at(-1) ?? 0) - (fit.trace[0] ?? 0)).toBeGreaterThan(100);
    // The log-likelihood under the fitted parameters beats the one under the defaults.
    const atDefaults = estimateMatchParams(calls, DEFAULT_MATCH_PARAMS, { maxIterations: 0 });
    expect(fit.logLikelihood).toBeGreaterThan(atDefaults.logLikelihood);
  });

  it("keeps u from guaranteed non-matches and fits m around it", () => {
    const rng = seededRandom(7);
    const nonMatches = Array.from({ length: 20000 }, () => sampleLevels(TRUTH, "u", rng));
    const fit = estimateMatchParams(calls, DEFAULT_MATCH_PARAMS, { nonMatches });
    const again = estimateMatchParams(calls.slice(0, 500), DEFAULT_MATCH_PARAMS, { nonMatches });
    expect(fit.params.features.geo.u).toEqual(again.params.features.geo.u);
    expect(maxError(fit.params, TRUTH, "u")).toBeLessThan(0.015);
    expect(maxError(fit.params, TRUTH, "m")).toBeLessThan(0.035);
  });

  it("caps m and floors u", () => {
    // Every candidate is the caller's, always live: unconstrained EM would set m(live) = 1.
    const certain: CallLevels[] = Array.from({ length: 5000 }, () => ({
      candidates: [{ ...sampleLevels(TRUTH, "m", seededRandom(1)), live: "live" }],
    }));
    const fit = estimateMatchParams(certain, DEFAULT_MATCH_PARAMS, { pseudoCount: 0 });
    expect(fit.params.features.live.m.live).toBeLessThanOrEqual(0.999 + 1e-12);
    for (const f of FEATURE_NAMES) {
      for (const p of Object.values(fit.params.features[f].u))
        expect(p).toBeGreaterThanOrEqual(1e-4 - 1e-15);
    }
  });

  it("returns the initial parameters when no call has a candidate", () => {
    const fit = estimateMatchParams([{ candidates: [] }], DEFAULT_MATCH_PARAMS);
    expect(fit.params).toBe(DEFAULT_MATCH_PARAMS);
    expect(fit.iterations).toBe(0);
  });
});
