import type { HourlyLoad } from "./sizing";

/** One lease of a number, [start, end) in epoch ms. */
export interface LeaseInterval {
  numberId: string;
  start: number;
  end: number;
}

export interface PoolHistory {
  poolSize: number;
  /** Window to report on, [from, to) in epoch ms; leases are clipped to it. */
  from: number;
  to: number;
  leases: readonly LeaseInterval[];
}

export interface HourUtilization {
  /** Epoch ms of the hour's start (UTC hour boundaries). */
  hourStart: number;
  /** Leases that started in this hour. */
  arrivals: number;
  /** Mean hold of those leases, in seconds (0 without arrivals). */
  meanHoldSeconds: number;
  /** Time-weighted mean count of numbers leased. */
  meanInUse: number;
  peakInUse: number;
  /** meanInUse / poolSize. */
  utilization: number;
}

/** A stretch during which every number in the pool was leased. */
export interface ExhaustionEvent {
  start: number;
  end: number;
}

export interface PoolReport {
  hours: HourUtilization[];
  exhaustionEvents: ExhaustionEvent[];
  /** Share of the window spent exhausted. */
  exhaustedShare: number;
  /** The per-hour load, ready for `poolSizing`. */
  hourlyLoad: HourlyLoad[];
}

const HOUR_MS = 3_600_000;

/**
 * Utilization by hour and exhaustion events from a pool's leases. A number counts as in use
 * while at least one lease on it is open, so a shared number counts once.
 */
export function poolReport(history: PoolHistory): PoolReport {
  const { poolSize, from, to } = history;
  if (!(to > from)) throw new RangeError("report window must have to > from");
  const firstHour = Math.floor(from / HOUR_MS) * HOUR_MS;
  const hours: HourUtilization[] = [];
  for (let h = firstHour; h < to; h += HOUR_MS) {
    hours.push({
      hourStart: h,
      arrivals: 0,
      meanHoldSeconds: 0,
      meanInUse: 0,
      peakInUse: 0,
      utilization: 0,
    });
  }
  const bucket = (t: number) => hours[Math.floor((t - firstHour) / HOUR_MS)];

  // Arrivals and hold times by the hour the lease started.
  const holdTotals = new Array<number>(hours.length).fill(0);
  for (const lease of history.leases) {
    if (lease.start < from || lease.start >= to) continue;
    const i = Math.floor((lease.start - firstHour) / HOUR_MS);
    hours[i]!.arrivals++;
    holdTotals[i]! += (lease.end - lease.start) / 1000;
  }

  // Sweep of lease starts and ends; at equal times ends go first, so a number released
  // and re-leased in the same millisecond is never counted twice.
  const events: [time: number, delta: 1 | -1, numberId: string][] = [];
  for (const lease of history.leases) {
    const start = Math.max(lease.start, from);
    const end = Math.min(lease.end, to);
    if (end <= start) continue;
    events.push([start, 1, lease.numberId], [end, -1, lease.numberId]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const open = new Map<string, number>();
  const exhaustionEvents: ExhaustionEvent[] = [];
  let inUse = 0;
  let t = from;
  let exhaustedSince: number | null = null;
  let exhaustedMs = 0;
  const advance = (until: number) => {
    // Spread the constant `inUse` over [t, until) across hour buckets.
    while (t < until) {
      const b = bucket(t)!;
      const stop = Math.min(until, b.hourStart + HOUR_MS);
      b.meanInUse += (inUse * (stop - t)) / HOUR_MS;
      if (inUse > b.peakInUse) b.peakInUse = inUse;
      t = stop;
    }
  };
  for (const [time, delta, numberId] of events) {
    advance(time);
    const count = (open.get(numberId) ?? 0) + delta;
    if (count === 0) open.delete(numberId);
    else open.set(numberId, count);
    inUse = open.size;
    const exhausted = poolSize > 0 && inUse >= poolSize;
    if (exhausted && exhaustedSince === null) exhaustedSince = time;
    if (!exhausted && exhaustedSince !== null) {
      exhaustionEvents.push({ start: exhaustedSince, end: time });
      exhaustedMs += time - exhaustedSince;
      exhaustedSince = null;
    }
  }
  advance(to);
  if (exhaustedSince !== null) {
    exhaustionEvents.push({ start: exhaustedSince, end: to });
    exhaustedMs += to - exhaustedSince;
  }

  for (const [i, h] of hours.entries()) {
    // The first and last hours may be cut by the window: average over the part inside it.
    const covered = Math.min(to, h.hourStart + HOUR_MS) - Math.max(from, h.hourStart);
    h.meanInUse = (h.meanInUse * HOUR_MS) / covered;
    h.utilization = poolSize > 0 ? h.meanInUse / poolSize : 0;
    h.meanHoldSeconds = h.arrivals > 0 ? holdTotals[i]! / h.arrivals : 0;
  }
  return {
    hours,
    exhaustionEvents,
    exhaustedShare: exhaustedMs / (to - from),
    hourlyLoad: hours.map((h) => ({
      hour: h.hourStart,
      arrivals:
        (h.arrivals * HOUR_MS) /
        (Math.min(to, h.hourStart + HOUR_MS) - Math.max(from, h.hourStart)),
      meanHoldSeconds: h.meanHoldSeconds,
    })),
  };
}
