/** How a site bounds its learned hold time. */
export interface HoldTimeOptions {
  /** Quantile of the delay to learn; default 0.95. */
  percentile?: number;
  minS: number;
  maxS: number;
  /** Below this many observed delays keep `fallbackS`; default 30. */
  minSamples?: number;
  /** Hold used without enough data; default `maxS`, since a short hold loses late callers. */
  fallbackS?: number;
}

/**
 * How long a number should stay with a visitor after their last activity: a high
 * percentile of the observed delays between last activity and the call, clamped to the
 * site's bounds and rounded up to whole seconds.
 *
 * @example learnHoldTime(delaysMs, { minS: 300, maxS: 7200 }) // the 95th percentile, in s
 */
export function learnHoldTime(delaysMs: readonly number[], options: HoldTimeOptions): number {
  const { minS, maxS } = options;
  const percentile = options.percentile ?? 0.95;
  if (!(minS >= 0 && maxS >= minS)) throw new RangeError("hold bounds need 0 ≤ minS ≤ maxS");
  if (!(percentile > 0 && percentile <= 1)) throw new RangeError("percentile must be in (0, 1]");
  const delays = delaysMs.filter((d) => Number.isFinite(d) && d >= 0);
  if (delays.length < (options.minSamples ?? 30))
    return clamp(options.fallbackS ?? maxS, minS, maxS);
  delays.sort((a, b) => a - b);
  return clamp(Math.ceil(quantile(delays, percentile) / 1000), minS, maxS);
}

/** Linear-interpolation quantile of sorted values (R's type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lo = sorted[below]!;
  const hi = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lo + (hi - lo) * (position - below);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

const DAY_MS = 86_400_000;

/**
 * Epoch ms at which a number retired at `retiredAt` may return to a pool: late calls from
 * old ads should land before then, not in a new visitor's session.
 */
export function quarantineUntil(retiredAt: number, coolingDays: number): number {
  if (!(coolingDays >= 0 && Number.isFinite(coolingDays))) {
    throw new RangeError(`coolingDays must be a finite non-negative number, got ${coolingDays}`);
  }
  return retiredAt + coolingDays * DAY_MS;
}

/** Whether a number retired at `retiredAt` (null: never) is still cooling down at `now`. */
export function isCoolingDown(retiredAt: number | null, coolingDays: number, now: number): boolean {
  return retiredAt !== null && now < quarantineUntil(retiredAt, coolingDays);
}
