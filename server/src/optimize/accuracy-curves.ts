import type { AccuracyPoint } from "@ringtrail/core/optimize";

/** The sweep's pool sizes at 1,000 visitors a day (multiples 1–128 of one per 20 visitors). */
const SIZES_PER_1000 = [
  50, 75, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200, 4800, 6400,
];

/**
 * Attribution accuracy (top-1 of the rate model with rates fitted by EM, the server's matcher
 * once an account has 50 calls) against pool size, from the simulator's sweep:
 * `pnpm sim --sweep --seed 7 --visitors-per-day 1000 --days 4` (national traffic, 30-minute
 * hold, 25% call, each pool warmed up until it has cycled). Sizes are per 1,000 daily
 * visitors, so a pool's curve is these sizes scaled by its own daily visitors. One curve per
 * median delay from last view to call: accuracy depends on it more than on anything else.
 */
export const ACCURACY_CURVES: readonly { delayMedianMin: number; points: AccuracyPoint[] }[] = [
  {
    delayMedianMin: 5,
    points: curve([
      97.6, 99.2, 99.5, 99.4, 99.6, 99.8, 99.8, 99.9, 100, 100, 100, 100, 100, 100, 100,
    ]),
  },
  {
    delayMedianMin: 30,
    points: curve([
      86.3, 87.3, 90.4, 92.9, 95.7, 98.1, 99.1, 99.7, 99.8, 100, 100, 100, 100, 100, 100,
    ]),
  },
  {
    delayMedianMin: 120,
    points: curve([
      70.1, 68.5, 71.6, 74.7, 79.6, 86.1, 89.7, 94.2, 96.3, 98.0, 99.2, 99.8, 100, 99.9, 100,
    ]),
  },
  {
    delayMedianMin: 480,
    points: curve([
      55.4, 52.5, 50.9, 52.3, 56.1, 62.6, 66.9, 73.3, 79.3, 87.2, 90.9, 94.0, 97.3, 98.0, 98.7,
    ]),
  },
  {
    delayMedianMin: 1440,
    points: curve([
      48.7, 44.2, 41.8, 41.0, 41.2, 44.4, 49.8, 53.4, 59.3, 65.9, 72.0, 79.3, 85.5, 90.1, 93.1,
    ]),
  },
];

function curve(top1Percent: number[]): AccuracyPoint[] {
  return top1Percent.map((p, i) => ({ poolSize: SIZES_PER_1000[i]!, accuracy: p / 100 }));
}

/**
 * The curve for a pool: the sweep curve nearest its median call delay (30 minutes when not
 * known), sizes scaled from 1,000 to its daily visitors.
 */
export function accuracyCurveFor(
  dailyVisitors: number,
  medianDelayMin: number | null,
): AccuracyPoint[] {
  const delay = medianDelayMin ?? 30;
  let best = ACCURACY_CURVES[1]!;
  for (const c of ACCURACY_CURVES) {
    const distance = Math.abs(Math.log((c.delayMedianMin + 1) / (delay + 1)));
    if (distance < Math.abs(Math.log((best.delayMedianMin + 1) / (delay + 1)))) best = c;
  }
  const scale = dailyVisitors / 1000;
  return best.points.map((p) => ({
    poolSize: Math.max(1, Math.ceil(p.poolSize * scale)),
    accuracy: p.accuracy,
  }));
}
