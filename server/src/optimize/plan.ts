import { type Recommendations, recommend } from "@ringtrail/core/optimize";
import type { Queryable } from "@ringtrail/db";
import { readNumberCalls, readSiteNumbers, readVisitorRegions } from "./pool-history";

const DAY_MS = 86_400_000;
/** Calls older than this no longer judge a number's reputation. */
const REPUTATION_DAYS = 30;

export interface PlanInput {
  accountId: string;
  siteId: string;
  poolId: string;
  /** Every pool of the site: moves go between them. */
  sitePoolIds: readonly string[];
  quarantineDays: number;
  /** Where visitors are is read from sessions in [from, to). */
  from: number;
  to: number;
  now: number;
}

export interface PoolPlan extends Recommendations {
  e164: Map<string, string>;
}

/**
 * Core's recommendations for one pool: its adds, its numbers' quarantines/retirements and
 * returns, and moves into or out of it. A number holding a live lease is never moved; its
 * quarantine waits (`notBefore`) for the lease to end.
 */
export async function planPool(client: Queryable, input: PlanInput): Promise<PoolPlan> {
  const { accountId, siteId, poolId, sitePoolIds, now } = input;
  const numbers = await readSiteNumbers(client, accountId, sitePoolIds, input.quarantineDays);
  const rec = recommend({
    numbers,
    visitorsByRegion: await readVisitorRegions(client, siteId, input.from, input.to),
    // The numbers table knows each number's lease end; that is all "live" needs.
    leases: numbers
      .filter((n) => n.leasedUntil > now)
      .map((n) => ({ numberId: n.id, start: now, end: n.leasedUntil })),
    calls: await readNumberCalls(client, accountId, sitePoolIds, now - REPUTATION_DAYS * DAY_MS),
    now,
    quarantineDays: input.quarantineDays,
  });
  const inPool = new Set(numbers.filter((n) => n.poolId === poolId).map((n) => n.id));
  return {
    addNumbers: rec.addNumbers.filter((a) => a.poolId === poolId),
    retireOrQuarantine: rec.retireOrQuarantine.filter((r) => inPool.has(r.numberId)),
    reactivate: rec.reactivate.filter((id) => inPool.has(id)),
    moves: rec.moves.filter((m) => m.fromPoolId === poolId || m.toPoolId === poolId),
    reputations: rec.reputations.filter((r) => inPool.has(r.numberId)),
    e164: new Map(numbers.map((n) => [n.id, n.e164])),
  };
}
