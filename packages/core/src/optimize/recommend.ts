import { areaCodesFor } from "./areas";
import type { NumberFacts } from "./characteristics";
import { isCoolingDown } from "./hold";
import type { LeaseInterval } from "./report";
import { type CallRecord, type Reputation, type ReputationOptions, reputation } from "./reputation";

export interface OptimizerNumber extends NumberFacts {
  id: string;
  poolId: string;
  /** Epoch ms it was retired from its last campaign (quarantined), or null. */
  retiredAt: number | null;
}

export interface RegionVisitors {
  poolId: string;
  region: string;
  visitors: number;
}

export interface RecommendInput {
  numbers: readonly OptimizerNumber[];
  visitorsByRegion: readonly RegionVisitors[];
  leases: readonly LeaseInterval[];
  calls: readonly CallRecord[];
  now: number;
  quarantineDays: number;
  /** A region below this share of a pool's visitors gets no local numbers; default 5%. */
  minRegionShare?: number;
  /** Reputation score from which a number is quarantined (default 0.4) or retired (0.7). */
  quarantineScore?: number;
  retireScore?: number;
  reputation?: ReputationOptions;
}

export interface AddNumbers {
  poolId: string;
  region: string;
  count: number;
  /** Area codes to buy in, from the NANP table. */
  areaCodes: readonly string[];
}

export interface RetireOrQuarantine {
  numberId: string;
  action: "retire" | "quarantine";
  score: number;
  reasons: Reputation["reasons"];
  /** Epoch ms from which the change may be applied: after any live lease on the number. */
  notBefore: number;
}

export interface Move {
  numberId: string;
  fromPoolId: string;
  toPoolId: string;
  region: string;
}

export interface Recommendations {
  addNumbers: AddNumbers[];
  retireOrQuarantine: RetireOrQuarantine[];
  /** Quarantined numbers whose cooling period is over, with a clean record. */
  reactivate: string[];
  moves: Move[];
  reputations: Reputation[];
}

/**
 * What to change in the pools: numbers to buy where visitors are and local numbers are
 * missing (after what moves can cover), burnt numbers to quarantine or retire, cooled
 * numbers to put back, and local numbers to move to the pool whose visitors need them.
 * A number holding a live lease is never moved; retiring it waits for the lease to end.
 */
export function recommend(input: RecommendInput): Recommendations {
  const { numbers, now } = input;
  const minShare = input.minRegionShare ?? 0.05;
  const quarantineScore = input.quarantineScore ?? 0.4;
  const retireScore = input.retireScore ?? 0.7;

  const leasedUntil = new Map<string, number>();
  for (const l of input.leases) {
    if (l.start <= now && l.end > now) {
      leasedUntil.set(l.numberId, Math.max(l.end, leasedUntil.get(l.numberId) ?? 0));
    }
  }
  const callsByNumber = groupBy(input.calls, (c) => c.numberId);

  const reputations: Reputation[] = [];
  const retireOrQuarantine: RetireOrQuarantine[] = [];
  const reactivate: string[] = [];
  const burnt = new Set<string>();
  for (const n of sortById(numbers)) {
    if (n.status === "retired") continue;
    const rep = reputation(n.id, callsByNumber.get(n.id) ?? [], now, input.reputation);
    reputations.push(rep);
    const action =
      rep.score >= retireScore ? "retire" : rep.score >= quarantineScore ? "quarantine" : null;
    if (action !== null) burnt.add(n.id);
    if (action !== null && !(action === "quarantine" && n.status === "quarantined")) {
      const notBefore = Math.max(now, leasedUntil.get(n.id) ?? now);
      retireOrQuarantine.push({
        numberId: n.id,
        action,
        score: rep.score,
        reasons: rep.reasons,
        notBefore,
      });
    } else if (action === null && n.status === "quarantined") {
      if (!isCoolingDown(n.retiredAt, input.quarantineDays, now)) reactivate.push(n.id);
    }
  }

  // Local numbers each pool wants per region: its visitor share of its active numbers,
  // at least one for any region above the minimum share.
  const active = numbers.filter((n) => n.status === "active" && !burnt.has(n.id));
  const poolSizes = countBy(active, (n) => n.poolId);
  const visitorsPerPool = new Map<string, number>();
  for (const v of input.visitorsByRegion) {
    visitorsPerPool.set(v.poolId, (visitorsPerPool.get(v.poolId) ?? 0) + v.visitors);
  }
  const wanted = new Map<string, number>();
  for (const v of input.visitorsByRegion) {
    const share = v.visitors / (visitorsPerPool.get(v.poolId) ?? 1);
    if (share < minShare || areaCodesFor(v.region).length === 0) continue;
    const key = poolRegion(v.poolId, v.region);
    wanted.set(key, Math.max(1, Math.ceil(share * (poolSizes.get(v.poolId) ?? 0))));
  }
  const locals = active.filter((n) => n.kind === "local" && n.region !== null);
  const have = countBy(locals, (n) => poolRegion(n.poolId, n.region!));
  const gaps = new Map<string, number>();
  for (const [key, want] of wanted) {
    const missing = want - (have.get(key) ?? 0);
    if (missing > 0) gaps.set(key, missing);
  }

  // Numbers a pool's visitors do not need, offered to pools with a gap in their region.
  const moves: Move[] = [];
  const spare = new Map<string, number>();
  for (const [key, count] of have) spare.set(key, count - (wanted.get(key) ?? 0));
  for (const n of sortById(locals)) {
    const from = poolRegion(n.poolId, n.region!);
    if ((spare.get(from) ?? 0) <= 0 || leasedUntil.has(n.id)) continue;
    const to = [...gaps.keys()].sort().find((k) => k !== from && regionOf(k) === regionOf(from));
    if (to === undefined) continue;
    moves.push({
      numberId: n.id,
      fromPoolId: n.poolId,
      toPoolId: poolOf(to),
      region: regionOf(to),
    });
    spare.set(from, spare.get(from)! - 1);
    const left = gaps.get(to)! - 1;
    if (left > 0) gaps.set(to, left);
    else gaps.delete(to);
  }

  const addNumbers = [...gaps]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({
      poolId: poolOf(key),
      region: regionOf(key),
      count,
      areaCodes: areaCodesFor(regionOf(key)),
    }));
  return { addNumbers, retireOrQuarantine, reactivate, moves, reputations };
}

const SEP = "\u0000";
const poolRegion = (poolId: string, region: string) => `${poolId}${SEP}${region.toUpperCase()}`;
const poolOf = (key: string) => key.slice(0, key.indexOf(SEP));
const regionOf = (key: string) => key.slice(key.indexOf(SEP) + 1);

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
