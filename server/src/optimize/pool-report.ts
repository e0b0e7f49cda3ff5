import {
  type Characteristic,
  lift,
  type Posterior,
  poolReport,
  poolSizing,
  seededRandom,
} from "@ringtrail/core/optimize";
import type { Queryable } from "@ringtrail/db";
import { accuracyCurveFor } from "./accuracy-curves";
import { readCallDelays, readPosteriors } from "./evidence-store";
import { type PlanInput, planPool } from "./plan";
import { readExhaustions, readPoolLeases } from "./pool-history";

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface ReportInput extends PlanInput {
  holdS: number;
  learnedHoldS: number | null;
  exploration: number;
  numberPriceCents: number;
  targetExhaustion: number;
  targetAccuracy: number;
}

/** The lifts the report states: what the site most wants to know of its numbers. */
const COMPARISONS: [treated: Characteristic, baseline: Characteristic][] = [
  ["local:in_region", "local:out_of_region"],
  ["local:in_region", "toll_free"],
];

/**
 * GET /v1/pools/{id}/report: utilization by hour and exhaustion over [from, to), sizing
 * from the busiest hour, what the learner measured per channel, and the recommendations.
 * Everything is read at report time, never on the visit path.
 */
export async function buildPoolReport(client: Queryable, input: ReportInput) {
  const { poolId, from, to, now } = input;
  const sizeRes = await client.execute({
    sql: "SELECT count(*) AS n FROM numbers WHERE pool_id = ? AND status = 'active'",
    args: [poolId],
  });
  const poolSize = Number(sizeRes.rows[0]?.n ?? 0);
  const usage = poolReport({
    poolSize,
    from,
    to,
    leases: await readPoolLeases(client, poolId, from, to),
  });
  const recorded = await readExhaustions(client, poolId, from, to);
  const site = { id: input.siteId, accountId: input.accountId };
  const delays = await readCallDelays(client, site, now - 30 * DAY_MS);
  const arrivals = usage.hours.reduce((sum, h) => sum + h.arrivals, 0);
  const dailyVisitors = (arrivals * DAY_MS) / (to - from);
  const sizing = poolSizing({
    hourly: usage.hourlyLoad,
    poolSize,
    pricePerNumber: input.numberPriceCents,
    targetExhaustion: input.targetExhaustion,
    targetAccuracy: input.targetAccuracy,
    accuracyCurve: accuracyCurveFor(dailyVisitors, medianMinutes(delays)),
  });
  const posteriors = await readPosteriors(client, site, from);
  const plan = await planPool(client, input);
  const e164 = (id: string) => plan.e164.get(id) ?? null;
  const option = (o: { size: number; monthlyCost: number }) => ({
    size: o.size,
    monthly_cost_cents: o.monthlyCost,
  });

  return {
    pool: poolId,
    from: iso(from),
    to: iso(to),
    pool_size: poolSize,
    utilization: usage.hours.map((h) => ({
      hour: iso(h.hourStart),
      arrivals: h.arrivals,
      mean_hold_s: round(h.meanHoldSeconds, 1),
      mean_in_use: round(h.meanInUse, 3),
      peak_in_use: h.peakInUse,
      utilization: round(h.utilization, 4),
    })),
    exhaustion: {
      events: usage.exhaustionEvents.map((e) => ({ start: iso(e.start), end: iso(e.end) })),
      exhausted_share: round(usage.exhaustedShare, 6),
      visits_shared: recorded.reduce((s, r) => s + r.shared, 0),
      visits_fallback: recorded.reduce((s, r) => s + r.fallback, 0),
    },
    sizing: {
      daily_visitors: round(dailyVisitors, 1),
      peak_hour: sizing.peakHour === null ? null : iso(sizing.peakHour),
      peak_erlangs: round(sizing.peakErlangs, 4),
      exhaustion_now: round(sizing.exhaustionNow, 6),
      price_per_number_cents: input.numberPriceCents,
      current: option(sizing.current),
      for_exhaustion: { ...option(sizing.forExhaustion), target: sizing.forExhaustion.target },
      for_accuracy:
        sizing.forAccuracy === null
          ? null
          : { ...option(sizing.forAccuracy), target: sizing.forAccuracy.target },
    },
    hold: { configured_s: input.holdS, learned_s: input.learnedHoldS, call_delays: delays.length },
    learning: {
      exploration: input.exploration,
      rates: posteriors.map((p) => ({
        channel: p.channel,
        characteristic: p.characteristic,
        leases: p.leases,
        calls: p.calls,
        rate: round(p.mean, 6),
        lower: round(p.lower, 6),
        upper: round(p.upper, 6),
      })),
      lifts: lifts(posteriors),
    },
    recommendations: {
      add_numbers: plan.addNumbers.map((a) => ({
        region: a.region,
        count: a.count,
        area_codes: [...a.areaCodes],
      })),
      retire_or_quarantine: plan.retireOrQuarantine.map((r) => ({
        number: r.numberId,
        e164: e164(r.numberId),
        action: r.action,
        score: round(r.score, 4),
        reasons: r.reasons.map((x) => x.detail),
        not_before: iso(r.notBefore),
      })),
      reactivate: plan.reactivate.map((id) => ({ number: id, e164: e164(id) })),
      moves: plan.moves.map((m) => ({
        number: m.numberId,
        e164: e164(m.numberId),
        from_pool: m.fromPoolId,
        to_pool: m.toPoolId,
        region: m.region,
      })),
    },
  };
}

export type PoolReportBody = Awaited<ReturnType<typeof buildPoolReport>>;

/** Per channel, each comparison both of whose arms were measured; seeded, so reproducible. */
function lifts(posteriors: readonly Posterior[]) {
  const out: {
    channel: string;
    treated: Characteristic;
    baseline: Characteristic;
    estimate: number;
    lower: number;
    upper: number;
  }[] = [];
  const channels = [...new Set(posteriors.map((p) => p.channel))];
  for (const channel of channels) {
    for (const [treated, baseline] of COMPARISONS) {
      const t = posteriors.find((p) => p.channel === channel && p.characteristic === treated);
      const b = posteriors.find((p) => p.channel === channel && p.characteristic === baseline);
      if (!t || !b || t.leases === 0 || b.leases === 0) continue;
      const l = lift(t, b, seededRandom(1), 2000);
      out.push({
        channel,
        treated,
        baseline,
        estimate: round(l.estimate, 4),
        lower: round(l.lower, 4),
        upper: round(l.upper, 4),
      });
    }
  }
  return out;
}

function medianMinutes(delaysMs: readonly number[]): number | null {
  if (delaysMs.length < 30) return null;
  const sorted = [...delaysMs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]! / 60_000;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
