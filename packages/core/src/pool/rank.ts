import type { DeviceType } from "../visit";
import {
  COUNTRY_ONLY,
  OTHER_COUNTRY,
  type Place,
  placeOf,
  relate,
  SAME_COUNTRY,
  SAME_REGION,
} from "./geo";
import { Shortlist } from "./shortlist";
import type { Claim, Holder, OnExhausted, PoolNumber, Visitor } from "./types";

/** How many free and how many shared claims `rankClaims` returns at most, each. */
export const DEFAULT_CLAIM_LIMIT = 8;

export interface RankClaimsInput {
  numbers: readonly PoolNumber[];
  visitor: Visitor;
  /** Epoch ms of the visit. */
  now: number;
  /** Id of the number this visitor was shown within its hold time, if any. */
  sticky?: string;
  /** The pool's fallback number (E.164), shown when nothing else can be claimed. */
  fallback: string | null;
  onExhausted: OnExhausted;
  /** Cap on free claims and, separately, on shared claims. Default 8. */
  limit?: number;
}

/**
 * The claims to attempt, in order, until one succeeds atomically in the database. A list
 * rather than one answer because another visit may take a free number between the snapshot
 * and the claim.
 *
 * Order: the visitor's own (sticky) number if still active; then free numbers, nearest
 * region first (local presence lifts answer rates), then the one released longest ago (so a
 * late call to its previous holder is least likely to be misread), then id; then, only with
 * `onExhausted: "share"`, leased numbers whose holders are easiest to tell apart from this
 * visitor; then the fallback. Quarantined and retired numbers are never offered.
 *
 * O(n·limit) over the numbers plus one pass over their holders.
 */
export function rankClaims(input: RankClaimsInput): Claim[] {
  const { numbers, visitor, now, sticky, fallback, onExhausted } = input;
  const limit = input.limit ?? DEFAULT_CLAIM_LIMIT;
  const place = placeOf(visitor.region, visitor.country);
  const share = onExhausted === "share";

  let stickyNumber: PoolNumber | null = null;
  const free = new Shortlist<PoolNumber>(limit, byReleaseThenId);
  const shared = new Shortlist<PoolNumber>(limit, byHoldersThenExpiryThenId);

  for (const number of numbers) {
    if (number.status !== "active") continue;
    if (number.id === sticky) {
      stickyNumber = number;
    } else if (number.leasedUntil <= now) {
      free.offer(number, localityTier(number, place));
    } else if (share) {
      // Negated so that the most distinguishable number sorts first.
      shared.offer(number, -distinguishability(number.holders, place, visitor.device));
    }
  }

  const claims: Claim[] = [];
  if (stickyNumber !== null) claims.push({ kind: "sticky", numberId: stickyNumber.id });
  for (const number of free.items) claims.push({ kind: "free", numberId: number.id });
  for (const number of shared.items) claims.push({ kind: "shared", numberId: number.id });
  if (fallback !== null) claims.push({ kind: "fallback", e164: fallback });
  return claims;
}

/**
 * 0: the visitor's own region; 1: same country; 2: elsewhere or unknown. A toll-free number
 * is never "local", but is as good as an out-of-region local number for a visitor in its
 * country.
 */
function localityTier(number: PoolNumber, place: Place): number {
  const relation = relate(number.region, null, place);
  if (relation === SAME_REGION) return number.kind === "local" ? 0 : 1;
  if (relation === SAME_COUNTRY || relation === COUNTRY_ONLY) return 1;
  return 2;
}

function byReleaseThenId(a: PoolNumber, b: PoolNumber): number {
  // Never released (never used) counts as released at the dawn of time.
  const ra = a.releasedAt ?? Number.NEGATIVE_INFINITY;
  const rb = b.releasedAt ?? Number.NEGATIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return compareIds(a.id, b.id);
}

/**
 * How easily a call could be told apart between this visitor and the number's holders:
 * the score of the least distinguishable holder, since that is the one a call will be
 * confused with. A holder counts more when it is in another country (2 geo steps) than in
 * another region of the same country (1), each geo step weighing twice a device difference,
 * because the caller's number reveals its area but only weakly its device.
 */
function distinguishability(holders: readonly Holder[], place: Place, device: DeviceType) {
  let min = Number.POSITIVE_INFINITY;
  for (const holder of holders) {
    const relation = relate(holder.region, holder.country, place);
    const geo = relation === OTHER_COUNTRY ? 2 : relation === SAME_COUNTRY ? 1 : 0;
    const score = geo * 2 + (holder.device === device ? 0 : 1);
    if (score < min) min = score;
  }
  // A lease without recorded holders has nobody to confuse the visitor with.
  return min === Number.POSITIVE_INFINITY ? MAX_DISTINGUISHABILITY + 1 : min;
}

const MAX_DISTINGUISHABILITY = 5;

function byHoldersThenExpiryThenId(a: PoolNumber, b: PoolNumber): number {
  if (a.holders.length !== b.holders.length) return a.holders.length - b.holders.length;
  // The lease that ends soonest is the one whose current holders stop competing first.
  if (a.leasedUntil !== b.leasedUntil) return a.leasedUntil < b.leasedUntil ? -1 : 1;
  return compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
