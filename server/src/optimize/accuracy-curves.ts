import type { AccuracyPoint } from "@ringtrail/core/optimize";

/** The sweep's pool sizes at 1,000 visitors a day (multiples 1–8 of one per 20 visitors). */
const SIZES_PER_1000 = [50, 75, 100, 150, 200, 300, 400];

/**
 * Attribution accuracy (top-1, core's matcher with default parameters) against pool size,
 * from the simulator's sweep: `pnpm sim --sweep --seed 7 --visitors-per-day 1000 --days 2`
 * (national traffic, 30-minute hold, 25% call). Sizes are per 1,000 daily visitors, so a
 * pool's curve is these sizes scaled by its own daily visitors. One curve per median delay
 * from last view to call: accuracy depends on it more than on anything else.
 */
export const ACCURACY_CURVES: readonly { delayMedianMin: number; points: AccuracyPoint[] }[] = [
  {
    delayMedianMin: 5,
    points: curve([93.9, 95.0, 95.6, 95.8, 96.0, 96.9, 97.1]),
  },
  {
    delayMedianMin: 30,
    points: curve([79.4, 84.9, 86.6, 91.7, 93.6, 94.7, 96.7]),
  },
  {
    delayMedianMin: 120,
    points: curve([62.3, 67.1, 69.1, 75.5, 80.0, 87.1, 90.1]),
  },
  {
    delayMedianMin: 480,
    points: curve([49.8, 50.0, 50.7, 57.4, 61.8, 66.9, 72.2]),
  },
  {
    delayMedianMin: 1440,
    points: curve([45.2, 43.8, 43.0, 44.7, 46.9, 51.1, 57.2]),
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
