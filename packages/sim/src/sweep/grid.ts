import { Rng } from "../random";
import { parseScenario } from "../scenario/load";
import type { Scenario } from "../scenario/schema";
import { generatePlan } from "../traffic/plan";
import { type PointResult, runPoint } from "./point";

export interface SweepOptions {
  seed: number;
  visitorsPerDay?: number;
  days?: number;
  /** Medians of the delay from the last view to the call, minutes. */
  delays?: number[];
  /** Pool sizes as multiples of the 1-per-20-daily-visitors rule of thumb. */
  multiples?: number[];
  onPoint?: (done: number, total: number) => void;
}

export interface DelayCurve {
  delay_median_min: number;
  points: PointResult[];
  /** Smallest pool reaching 95% top-1 (linear between grid points); null beyond the grid. */
  n95: {
    ours: number | null;
    baseline: number | null;
    oracle: number | null;
    rate: number | null;
  };
  /** ours n95 / baseline n95 (target ≤ 0.4); null when either is beyond the grid. */
  ratio: number | null;
  /** Largest (oracle − ours) top-1 over the pool sizes, in points (target ≤ 1). */
  max_gap_points: number;
  /** The same against the oracle that sees what ours sees (true parameters only). */
  max_gap_same_data_points: number;
  /** The rate model (core match/rate.ts, rates by EM): its n95 / the baseline's. */
  rate_ratio: number | null;
  /** Largest (best oracle − rate) top-1, in points: the best of the FS and rate oracles. */
  rate_max_gap_points: number;
}

export const SWEEP_DEFAULTS = {
  visitorsPerDay: 3000,
  days: 4,
  delays: [5, 30, 120, 480, 1440],
  multiples: [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32],
};

/**
 * The sweep's traffic: a national site (default mix), no bots, calls from 25% of visitors
 * (calls do not change the pool, so more of them only shrink the noise), 35% in session.
 */
export function sweepScenario(
  visitorsPerDay: number,
  days: number,
  delayMin: number,
  pool: number,
): Scenario {
  return parseScenario({
    name: `sweep-${delayMin}min`,
    days,
    traffic: { visitors_per_day: visitorsPerDay },
    calls: { probability: 0.25, delay: { median_min: delayMin, sigma: 1.2 } },
    bots: { share: 0 },
    pool: { size: pool, hold_s: 1800 },
  });
}

const START = Date.UTC(2026, 0, 5);

/** Accuracy against pool size for several delays; in process (see sweep/model-dni.ts). */
export async function runSweep(options: SweepOptions): Promise<DelayCurve[]> {
  const visitorsPerDay = options.visitorsPerDay ?? SWEEP_DEFAULTS.visitorsPerDay;
  const days = options.days ?? SWEEP_DEFAULTS.days;
  const delays = options.delays ?? SWEEP_DEFAULTS.delays;
  const multiples = options.multiples ?? SWEEP_DEFAULTS.multiples;
  const rule = visitorsPerDay / 20;
  const total = delays.length * multiples.length;
  let done = 0;
  const curves: DelayCurve[] = [];
  for (const delay of delays) {
    const scenario = sweepScenario(visitorsPerDay, days, delay, Math.round(rule));
    const plan = generatePlan(scenario, START, new Map(), new Rng(options.seed));
    const points: PointResult[] = [];
    for (const m of multiples) {
      points.push(await runPoint(scenario, plan, Math.round(rule * m)));
      options.onPoint?.(++done, total);
    }
    const n95 = {
      ours: sizeFor(points, (p) => p.ours.top1),
      baseline: sizeFor(points, (p) => p.baseline.top1),
      oracle: sizeFor(points, (p) => p.oracle.top1),
      rate: sizeFor(points, (p) => p.rate.top1),
    };
    curves.push({
      delay_median_min: delay,
      points,
      n95,
      ratio: n95.ours !== null && n95.baseline !== null ? round2(n95.ours / n95.baseline) : null,
      max_gap_points: maxGap(points, (p) => p.oracle.top1),
      max_gap_same_data_points: maxGap(points, (p) => p.oracle_same_data.top1),
      rate_ratio:
        n95.rate !== null && n95.baseline !== null ? round2(n95.rate / n95.baseline) : null,
      rate_max_gap_points: maxGap(points, bestOracle, (p) => p.rate.top1),
    });
  }
  return curves;
}

/** The pool size where top-1 first reaches 0.95, interpolated between grid points. */
export function sizeFor(
  points: readonly PointResult[],
  acc: (p: PointResult) => number,
  target = 0.95,
): number | null {
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as PointResult;
    if (acc(p) < target) continue;
    if (i === 0) return p.pool;
    const q = points[i - 1] as PointResult;
    const t = (target - acc(q)) / (acc(p) - acc(q));
    return Math.round(q.pool + t * (p.pool - q.pool));
  }
  return null;
}

/** The highest top-1 of any oracle at a point: neither model's oracle is a ceiling alone. */
export const bestOracle = (p: PointResult) =>
  Math.max(p.oracle.top1, p.oracle_same_data.top1, p.rate_oracle.top1);

function maxGap(
  points: readonly PointResult[],
  ceiling: (p: PointResult) => number,
  matcher: (p: PointResult) => number = (p) => p.ours.top1,
): number {
  return round2(Math.max(...points.map((p) => (ceiling(p) - matcher(p)) * 100)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
