import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import { DEVICE_TYPES, type DeviceType } from "../visit";
import { rankClaims } from "./rank";
import type { Claim, Holder, PoolNumber, Visitor } from "./types";

/**
 * rankClaims keeps shortlists instead of sorting; this checks it against the plainest
 * possible reading of the ordering rules: filter, score, sort everything, take eight.
 */

const REGIONS = ["US-CA", "US-NY", "US-TX", "US", "CA-ON", "GB-ENG", "GB", null] as const;
const NOW = 1_000_000;

function countryOf(region: string | null, country: string | null = null): string | null {
  return country ?? region?.split("-")[0] ?? null;
}

function tier(n: PoolNumber, v: Visitor): number {
  const vc = countryOf(v.region, v.country);
  if (vc === null || countryOf(n.region) !== vc) return 2;
  const local = n.kind === "local" && n.region !== null && n.region.includes("-");
  return local && n.region === v.region ? 0 : 1;
}

function score(h: Holder, v: Visitor): number {
  const vc = countryOf(v.region, v.country);
  const hc = countryOf(h.region, h.country);
  let geo = 0;
  if (vc !== null && hc !== null && vc !== hc) geo = 2;
  else if (vc !== null && vc === hc && h.region?.includes("-") && v.region?.includes("-")) {
    geo = h.region === v.region ? 0 : 1;
  }
  return 2 * geo + (h.device === v.device ? 0 : 1);
}

function reference(numbers: PoolNumber[], v: Visitor, sticky: string): Claim[] {
  const active = numbers.filter((n) => n.status === "active");
  const claims: Claim[] = [];
  if (active.some((n) => n.id === sticky)) claims.push({ kind: "sticky", numberId: sticky });
  const others = active.filter((n) => n.id !== sticky);
  const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  const free = others
    .filter((n) => n.leasedUntil <= NOW)
    .sort(
      (a, b) =>
        tier(a, v) - tier(b, v) || cmp(a.releasedAt ?? -1, b.releasedAt ?? -1) || cmp(a.id, b.id),
    );
  const minScore = (n: PoolNumber) => Math.min(99, ...n.holders.map((h) => score(h, v)));
  const shared = others
    .filter((n) => n.leasedUntil > NOW)
    .sort(
      (a, b) =>
        minScore(b) - minScore(a) ||
        a.holders.length - b.holders.length ||
        a.leasedUntil - b.leasedUntil ||
        cmp(a.id, b.id),
    );
  for (const n of free.slice(0, 8)) claims.push({ kind: "free", numberId: n.id });
  for (const n of shared.slice(0, 8)) claims.push({ kind: "shared", numberId: n.id });
  claims.push({ kind: "fallback", e164: "+18005550199" });
  return claims;
}

describe("rankClaims against a full sort", () => {
  it.each([1, 2, 3, 4, 5])("agrees on 10,000 random numbers (seed %i)", (seed) => {
    const rnd = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const device = (): DeviceType => pick(DEVICE_TYPES);
    // Few distinct release times and lease ends, so the tie-breaks are exercised.
    const numbers: PoolNumber[] = Array.from({ length: 10_000 }, (_, i) => {
      const isLeased = rnd() < 0.97;
      return {
        id: `num_${(i * 7919) % 10_000}`,
        e164: `+1555${i}`,
        region: pick(REGIONS),
        kind: rnd() < 0.1 ? "toll_free" : "local",
        status: rnd() < 0.9 ? "active" : pick(["quarantined", "retired"] as const),
        leasedUntil: isLeased ? NOW + Math.floor(rnd() * 5) : NOW - Math.floor(rnd() * 5),
        releasedAt: rnd() < 0.2 ? null : Math.floor(rnd() * 20),
        holders: isLeased
          ? Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => ({
              sessionId: `ses_${i}_${k}`,
              region: pick(REGIONS),
              country: null,
              device: device(),
            }))
          : [],
      };
    });
    const visitor: Visitor = { region: pick(REGIONS), country: null, device: device() };
    const sticky = pick(numbers).id;
    const actual = rankClaims({
      numbers,
      visitor,
      now: NOW,
      sticky,
      fallback: "+18005550199",
      onExhausted: "share",
    });
    expect(actual).toEqual(reference(numbers, visitor, sticky));
    expect(actual.filter((c) => c.kind === "free")).toHaveLength(8);
    expect(actual.filter((c) => c.kind === "shared")).toHaveLength(8);
  });
});
