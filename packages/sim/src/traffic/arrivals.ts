import type { Rng } from "../random";
import type { Scenario } from "../scenario/schema";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The diurnal curve is laid out in US Eastern (standard) time. */
const EASTERN_OFFSET_H = -5;

/**
 * Relative visit intensity at `t` ms after the start (1 on average over a day, bursts aside):
 * a cosine peaking at `peak_hour` Eastern, floored at zero and renormalised, times any burst.
 */
export function intensity(scenario: Scenario, t: number): number {
  const { peak_hour, peak_to_mean, bursts } = scenario.traffic;
  const amplitude = peak_to_mean - 1;
  const hour = (((t / HOUR + EASTERN_OFFSET_H) % 24) + 24) % 24;
  const base = Math.max(0, 1 + amplitude * Math.cos((2 * Math.PI * (hour - peak_hour)) / 24));
  let factor = 1;
  for (const b of bursts) {
    const from = b.day * DAY + b.hour * HOUR;
    if (t >= from && t < from + b.minutes * 60_000) factor = Math.max(factor, b.factor);
  }
  return (base / diurnalMean(amplitude)) * factor;
}

const means = new Map<number, number>();
/** Mean of the floored cosine over a day, so the curve averages to 1. */
function diurnalMean(amplitude: number): number {
  let mean = means.get(amplitude);
  if (mean === undefined) {
    let sum = 0;
    for (let i = 0; i < 1440; i++)
      sum += Math.max(0, 1 + amplitude * Math.cos((2 * Math.PI * i) / 1440));
    mean = sum / 1440;
    means.set(amplitude, mean);
  }
  return mean;
}

/**
 * Arrival times (ms after the start) of a non-homogeneous Poisson process with
 * `perDay × intensity(t)` per day over the scenario's days, by thinning.
 */
export function arrivals(scenario: Scenario, perDay: number, rng: Rng): number[] {
  const end = scenario.days * DAY;
  const amplitude = scenario.traffic.peak_to_mean - 1;
  const maxBurst = Math.max(1, ...scenario.traffic.bursts.map((b) => b.factor));
  const maxRate = ((perDay / DAY) * (1 + amplitude) * maxBurst) / diurnalMean(amplitude);
  const out: number[] = [];
  if (perDay <= 0) return out;
  for (let t = rng.exponential(1 / maxRate); t < end; t += rng.exponential(1 / maxRate)) {
    if (rng.next() * maxRate < (perDay / DAY) * intensity(scenario, t)) out.push(t);
  }
  return out;
}

/** Peak visitors per hour of the diurnal curve (bursts excluded). */
export function peakPerHour(scenario: Scenario): number {
  const amplitude = scenario.traffic.peak_to_mean - 1;
  return ((scenario.traffic.visitors_per_day / 24) * (1 + amplitude)) / diurnalMean(amplitude);
}
