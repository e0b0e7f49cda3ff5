import { lift, posterior, seededRandom } from "@ringtrail/core/optimize";

/** What the server's pool report says it learned, as far as the lift needs it. */
export interface LearnedRates {
  rates: { characteristic: string; leases: number; calls: number }[];
}

export interface FoundLift {
  /** Leases and calls that followed, over every channel. */
  in_region: { leases: number; calls: number };
  out_of_region: { leases: number; calls: number };
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * The lift of in-region local numbers over out-of-region ones that the server's optimizer
 * measured (its lease → call evidence, pooled over channels), with a 95% credible interval.
 * Null when either arm has no lease.
 */
export function optimizerLift(learned: LearnedRates): FoundLift | null {
  const arm = (characteristic: string) => {
    let leases = 0;
    let calls = 0;
    for (const r of learned.rates) {
      if (r.characteristic !== characteristic) continue;
      leases += r.leases;
      calls += r.calls;
    }
    return { leases, calls };
  };
  const inRegion = arm("local:in_region");
  const outOfRegion = arm("local:out_of_region");
  if (inRegion.leases === 0 || outOfRegion.leases === 0) return null;
  const l = lift(
    posterior("all", "local:in_region", inRegion.leases, inRegion.calls),
    posterior("all", "local:out_of_region", outOfRegion.leases, outOfRegion.calls),
    seededRandom(1),
  );
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    in_region: inRegion,
    out_of_region: outOfRegion,
    estimate: r(l.estimate),
    lower: r(l.lower),
    upper: r(l.upper),
  };
}
