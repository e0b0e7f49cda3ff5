import { Rng } from "../random";
import { parseScenario } from "../scenario/load";
import type { Scenario } from "../scenario/schema";
import { generatePlan } from "../traffic/plan";
import type { TrafficPlan } from "../traffic/types";
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
    fs: number | null;
    baseline: number | null;
    oracle: number | null;
  };
  /** ours n95 / baseline n95 (target ≤ 0.4); null when either is beyond the grid. */
  ratio: number | null;
  /** Largest (best oracle − ours) top-1 over the pool sizes, in points (target ≤ 1). */
  max_gap_points: number;
  /**
   * The same against the best oracle that sees what ours sees (true parameters, caller history
   * from its own answers): what estimating the parameters costs.
   */
  max_gap_same_data_points: number;
  /** Fellegi–Sunter on its defaults: its n95 / the baseline's, and its gap to the FS oracle. */
  fs_ratio: number | null;
  fs_max_gap_points: number;
}

export const SWEEP_DEFAULTS = {
  visitorsPerDay: 3000,
  days: 4,
  delays: [5, 30, 120, 480, 1440],
  // Up to 128×: at delays of 8 h and more, the baseline reaches 95% only past 32×.
  multiples: [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128],
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
const DAY = 86_400_000;

/**
 * Traffic played, and not scored, before a point's scored days. A fresh pool has no earlier
 * holders, so early calls are easy for everyone; a real pool has cycled. Least-recently-released
 * assignment cycles a pool of m times the rule of thumb in at most m/20 days (a visitor a
 * session), and a call looks back about twice its median delay for competing holders.
 */
export function warmupMs(multiple: number, delayMin: number): number {
  return (multiple / 20) * DAY + 2 * delayMin * 60_000;
}

/** The part of a plan that starts at or after `from`: visitors by their first view. */
function planFrom(plan: TrafficPlan, from: number): TrafficPlan {
  return {
    start: from,
    visitors: plan.visitors.filter((v) => (v.sessions[0]?.views[0]?.at ?? 0) >= from),
    nullCalls: plan.nullCalls.filter((c) => c.at >= from),
    bots: plan.bots.filter((b) => b.at >= from),
  };
}

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
    // One plan per delay, long enough for the largest pool's warm-up; each point plays it from
    // its own warm-up on and scores the same days.
    const longest = warmupMs(Math.max(...multiples), delay);
    const scored = START + longest;
    const scenario = sweepScenario(visitorsPerDay, days + longest / DAY, delay, Math.round(rule));
    const plan = generatePlan(scenario, START, new Map(), new Rng(options.seed));
    const points: PointResult[] = [];
    for (const m of multiples) {
      const from = scored - warmupMs(m, delay);
      const window = { from, scored, to: scored + days * DAY };
      points.push(await runPoint(scenario, planFrom(plan, from), Math.round(rule * m), window));
      options.onPoint?.(++done, total);
    }
    const n95 = {
      ours: sizeFor(points, (p) => p.ours.top1),
      fs: sizeFor(points, (p) => p.fs.top1),
      baseline: sizeFor(points, (p) => p.baseline.top1),
      oracle: sizeFor(points, (p) => p.oracle.top1),
    };
    const ratio = (n: number | null) =>
      n !== null && n95.baseline !== null ? round2(n / n95.baseline) : null;
    curves.push({
      delay_median_min: delay,
      points,
      n95,
      ratio: ratio(n95.ours),
      max_gap_points: maxGap(points, bestOracle, (p) => p.ours.top1),
      max_gap_same_data_points: maxGap(points, bestSameDataOracle, (p) => p.ours.top1),
      fs_ratio: ratio(n95.fs),
      fs_max_gap_points: maxGap(
        points,
        (p) => p.oracle.top1,
        (p) => p.fs.top1,
      ),
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

/** The same over the oracles that link callers from their own answers, as ours must. */
export const bestSameDataOracle = (p: PointResult) =>
  Math.max(p.oracle_same_data.top1, p.rate_oracle.top1);

function maxGap(
  points: readonly PointResult[],
  ceiling: (p: PointResult) => number,
  matcher: (p: PointResult) => number,
): number {
  return round2(Math.max(...points.map((p) => (ceiling(p) - matcher(p)) * 100)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
