import { erlangB, offeredLoad, sizeForBlocking } from "../pool/sizing";

/** One hour's measured traffic: sessions that got a number, and how long each held it. */
export interface HourlyLoad {
  /** Epoch ms of the hour's start, or an hour of day 0–23: only echoed back. */
  hour: number;
  arrivals: number;
  meanHoldSeconds: number;
}

/** A point of the simulator's accuracy curve for this pool's traffic. */
export interface AccuracyPoint {
  poolSize: number;
  /** Share of calls attributed to the right session, 0–1. */
  accuracy: number;
}

export interface SizingInput {
  hourly: readonly HourlyLoad[];
  poolSize: number;
  /** Target exhaustion probability; default 1%. */
  targetExhaustion?: number;
  /** Monthly price of one number, in minor units (cents). */
  pricePerNumber: number;
  accuracyCurve?: readonly AccuracyPoint[];
  /** Target attribution accuracy, 0–1; default 0.9. */
  targetAccuracy?: number;
}

export interface SizeOption {
  size: number;
  /** Monthly cost in minor units. */
  monthlyCost: number;
}

export interface Sizing {
  /** The busiest hour, or null with no traffic. */
  peakHour: number | null;
  /** Offered load in that hour (Little's law), in Erlangs. */
  peakErlangs: number;
  /** Erlang B at the current size and peak load. */
  exhaustionNow: number;
  current: SizeOption;
  forExhaustion: SizeOption & { target: number };
  /** Null without a curve, or when the curve never reaches the target. */
  forAccuracy: (SizeOption & { target: number }) | null;
}

/**
 * The sizing figures for one pool: the peak hour's offered load, its exhaustion probability
 * now, and the sizes (with monthly cost) for the target exhaustion and, given the
 * simulator's curve, the target attribution accuracy. Both, because exhaustion is not
 * misattribution (attribution-math §3.3): a pool can rarely run out and still hand a late
 * caller's number to someone else.
 */
export function poolSizing(input: SizingInput): Sizing {
  const { hourly, poolSize, pricePerNumber } = input;
  const targetExhaustion = input.targetExhaustion ?? 0.01;
  const targetAccuracy = input.targetAccuracy ?? 0.9;
  let peakHour: number | null = null;
  let peakErlangs = 0;
  for (const h of hourly) {
    const load = offeredLoad(h.arrivals, h.meanHoldSeconds);
    if (peakHour === null || load > peakErlangs) {
      peakHour = h.hour;
      peakErlangs = load;
    }
  }
  const option = (size: number): SizeOption => ({
    size,
    monthlyCost: monthlyCost(size, pricePerNumber),
  });
  const accuracySize =
    input.accuracyCurve === undefined ? null : sizeForAccuracy(input.accuracyCurve, targetAccuracy);
  return {
    peakHour,
    peakErlangs,
    exhaustionNow: erlangB(poolSize, peakErlangs),
    current: option(poolSize),
    forExhaustion: {
      ...option(sizeForBlocking(peakErlangs, targetExhaustion)),
      target: targetExhaustion,
    },
    forAccuracy: accuracySize === null ? null : { ...option(accuracySize), target: targetAccuracy },
  };
}

/**
 * The smallest pool size reaching `target` accuracy on a simulator curve, interpolating
 * linearly between measured sizes and rounding up. Null when no measured size reaches it.
 * The curve need not be sorted; a noisy dip after the first crossing does not matter.
 *
 * @example sizeForAccuracy([{ poolSize: 100, accuracy: 0.8 }, { poolSize: 200, accuracy: 0.9 }], 0.85) // 150
 */
export function sizeForAccuracy(curve: readonly AccuracyPoint[], target: number): number | null {
  const points = [...curve].sort((a, b) => a.poolSize - b.poolSize);
  let previous: AccuracyPoint | undefined;
  for (const point of points) {
    if (point.accuracy >= target) {
      // Below the smallest measured size the curve says nothing: take that size.
      if (previous === undefined || previous.accuracy >= point.accuracy) return point.poolSize;
      const t = (target - previous.accuracy) / (point.accuracy - previous.accuracy);
      return Math.ceil(previous.poolSize + t * (point.poolSize - previous.poolSize) - 1e-9);
    }
    previous = point;
  }
  return null;
}

/** Monthly cost of `size` numbers at `pricePerNumber` each (minor units). */
export function monthlyCost(size: number, pricePerNumber: number): number {
  return size * pricePerNumber;
}
