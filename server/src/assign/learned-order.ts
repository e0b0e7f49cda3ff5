import {
  type Characteristic,
  leaseCharacteristic,
  preferCharacteristic,
  preferClaims,
} from "@ringtrail/core/optimize";
import type { Claim } from "@ringtrail/core/pool";
import type { EvidenceCache } from "../optimize/evidence-cache";
import type { PoolStateCache } from "./pool-state";
import type { SiteConfig } from "./site-config";

/** Leases a characteristic needs in a channel before Thompson sampling may override the rule. */
export const MIN_EVIDENCE_LEASES = 200;

export interface LearnedOrderInput {
  site: SiteConfig;
  visitorRegion: string | null;
  channel: string;
  poolId: string;
  pools: PoolStateCache;
  evidence: EvidenceCache;
  rng: () => number;
}

/**
 * The foundation's claim order, or, with the site's exploration on, the free claims of the
 * characteristic Thompson sampling (or exploration) prefers for this channel moved first.
 * O(claims): the evidence is the cached per-site posterior, never a query.
 */
export function learnedOrder(claims: Claim[], input: LearnedOrderInput): Claim[] {
  const { site, pools, evidence } = input;
  if (site.exploration <= 0) return claims;
  const of = new Map<string, Characteristic>();
  const candidates: Characteristic[] = [];
  for (const c of claims) {
    if (c.kind !== "free") continue;
    const n = pools.number(input.poolId, c.numberId);
    if (!n) continue;
    const key = leaseCharacteristic(n.kind, n.region, input.visitorRegion);
    of.set(c.numberId, key);
    if (!candidates.includes(key)) candidates.push(key);
  }
  if (candidates.length < 2) return claims;
  const preferred = preferCharacteristic({
    arms: evidence.get(site)?.arms.get(input.channel) ?? [],
    candidates,
    rng: input.rng,
    exploration: site.exploration,
    minLeases: MIN_EVIDENCE_LEASES,
  });
  return preferred === null ? claims : preferClaims(claims, preferred, (id) => of.get(id) ?? null);
}
