import { describe, expect, it } from "vitest";
import type { DeviceType } from "../visit";
import { type RankClaimsInput, rankClaims } from "./rank";
import type { Claim, Holder, PoolNumber, Visitor } from "./types";

const NOW = Date.UTC(2026, 2, 1, 12);
const HOUR = 3_600_000;
const californian: Visitor = { region: "US-CA", country: "US", device: "mobile" };

function num(id: string, over: Partial<PoolNumber> = {}): PoolNumber {
  return {
    id,
    e164: "+14155550100",
    region: "US-CA",
    kind: "local",
    status: "active",
    leasedUntil: 0,
    releasedAt: null,
    holders: [],
    ...over,
  };
}

function holder(region: string | null, device: DeviceType, country: string | null = null): Holder {
  return { sessionId: `ses_${region}_${device}`, region, country, device };
}

function leased(id: string, holders: Holder[], over: Partial<PoolNumber> = {}): PoolNumber {
  return num(id, { leasedUntil: NOW + HOUR, releasedAt: NOW - 2 * HOUR, holders, ...over });
}

function rank(numbers: PoolNumber[], over: Partial<RankClaimsInput> = {}): Claim[] {
  return rankClaims({
    numbers,
    visitor: californian,
    now: NOW,
    fallback: null,
    onExhausted: "share",
    ...over,
  });
}

const ids = (claims: Claim[]) => claims.map((c) => (c.kind === "fallback" ? c.e164 : c.numberId));

describe("rankClaims: free numbers", () => {
  it("gives a Californian the US-CA number over an older New York one", () => {
    const claims = rank([
      num("num_ny", { region: "US-NY", releasedAt: NOW - 30 * 24 * HOUR }),
      num("num_ca", { region: "US-CA", releasedAt: NOW - HOUR }),
    ]);
    expect(claims).toEqual([
      { kind: "free", numberId: "num_ca" },
      { kind: "free", numberId: "num_ny" },
    ]);
  });

  it("orders own region, then own country (toll-free included), then abroad", () => {
    const claims = rank([
      num("num_gb", { region: "GB-ENG", releasedAt: 1 }),
      num("num_tf", { region: "US", kind: "toll_free", releasedAt: 3 }),
      num("num_ny", { region: "US-NY", releasedAt: 2 }),
      num("num_unknown", { region: null, releasedAt: 0 }),
      num("num_ca", { region: "US-CA", releasedAt: 4 }),
    ]);
    expect(ids(claims)).toEqual(["num_ca", "num_ny", "num_tf", "num_unknown", "num_gb"]);
  });

  it("does not treat a toll-free number as local even if its region matches exactly", () => {
    const claims = rank([
      num("num_tf", { region: "US-CA", kind: "toll_free", releasedAt: 1 }),
      num("num_ca", { region: "US-CA", releasedAt: 2 }),
    ]);
    expect(ids(claims)).toEqual(["num_ca", "num_tf"]);
  });

  it("ranks a toll-free number as foreign for a visitor from another country", () => {
    const london: Visitor = { region: "GB-ENG", country: "GB", device: "desktop" };
    const claims = rank(
      [
        num("num_tf", { region: "US", kind: "toll_free", releasedAt: 1 }),
        num("num_sco", { region: "GB-SCT", releasedAt: 2 }),
      ],
      { visitor: london },
    );
    expect(ids(claims)).toEqual(["num_sco", "num_tf"]);
  });

  it("uses the country alone when the visitor's region is unknown", () => {
    const visitor: Visitor = { region: null, country: "US", device: "mobile" };
    const claims = rank(
      [
        num("num_gb", { region: "GB-ENG", releasedAt: 1 }),
        num("num_ny", { region: "US-NY", releasedAt: 3 }),
        num("num_ca", { region: "US-CA", releasedAt: 2 }),
      ],
      { visitor },
    );
    expect(ids(claims)).toEqual(["num_ca", "num_ny", "num_gb"]);
  });

  it("among equal regions, takes the one released longest ago", () => {
    const claims = rank([
      num("num_a", { releasedAt: NOW - HOUR }),
      num("num_b", { releasedAt: NOW - 48 * HOUR }),
      num("num_c", { releasedAt: NOW - 5 * HOUR }),
    ]);
    expect(ids(claims)).toEqual(["num_b", "num_c", "num_a"]);
  });

  it("takes never-used numbers first, then breaks ties by id", () => {
    const claims = rank([
      num("num_used", { releasedAt: 1 }),
      num("num_new_b"),
      num("num_new_a"),
      num("num_same_b", { releasedAt: 5 }),
      num("num_same_a", { releasedAt: 5 }),
    ]);
    expect(ids(claims)).toEqual(["num_new_a", "num_new_b", "num_used", "num_same_a", "num_same_b"]);
  });

  it("skips quarantined and retired numbers", () => {
    const claims = rank(
      [
        num("num_q", { status: "quarantined" }),
        num("num_r", { status: "retired" }),
        num("num_ok", { releasedAt: NOW }),
      ],
      { sticky: "num_q" },
    );
    expect(ids(claims)).toEqual(["num_ok"]);
  });

  it("treats a lease ending exactly now as free", () => {
    const claims = rank([num("num_a", { leasedUntil: NOW, releasedAt: NOW })]);
    expect(claims).toEqual([{ kind: "free", numberId: "num_a" }]);
  });

  it("returns at most `limit` free claims, the best ones", () => {
    const numbers = Array.from({ length: 20 }, (_, i) =>
      num(`num_${String(i).padStart(2, "0")}`, { releasedAt: 1000 - i }),
    );
    expect(ids(rank(numbers))).toEqual(
      ["19", "18", "17", "16", "15", "14", "13", "12"].map((i) => `num_${i}`),
    );
    expect(ids(rank(numbers, { limit: 2 }))).toEqual(["num_19", "num_18"]);
  });
});

describe("rankClaims: sticky", () => {
  it("puts the visitor's own number first even while leased, and only once", () => {
    const own = leased("num_own", [holder("US-CA", "mobile")], { region: "US-NY" });
    const claims = rank([num("num_free"), own], { sticky: "num_own", fallback: "+18005550100" });
    expect(claims).toEqual([
      { kind: "sticky", numberId: "num_own" },
      { kind: "free", numberId: "num_free" },
      { kind: "fallback", e164: "+18005550100" },
    ]);
  });

  it("ignores a sticky id that is not in the pool", () => {
    expect(rank([num("num_a")], { sticky: "num_gone" })).toEqual([
      { kind: "free", numberId: "num_a" },
    ]);
  });
});

describe("rankClaims: exhaustion", () => {
  const sameEverything = leased("num_same", [holder("US-CA", "mobile")]);
  const otherDevice = leased("num_device", [holder("US-CA", "desktop")]);
  const otherRegion = leased("num_region", [holder("US-NY", "mobile")]);
  const otherRegionAndDevice = leased("num_region_device", [holder("US-TX", "tablet")]);
  const otherCountry = leased("num_country", [holder("GB-ENG", "mobile", "GB")]);
  const mixed = leased("num_mixed", [holder("DE-BE", "desktop"), holder("US-CA", "mobile")]);

  it("shares the number whose holders are easiest to tell apart first", () => {
    const claims = rank(
      [sameEverything, mixed, otherDevice, otherRegion, otherCountry, otherRegionAndDevice],
      { fallback: "+18005550100" },
    );
    expect(claims).toEqual([
      { kind: "shared", numberId: "num_country" },
      { kind: "shared", numberId: "num_region_device" },
      { kind: "shared", numberId: "num_region" },
      { kind: "shared", numberId: "num_device" },
      // Its German holder does not help: the Californian mobile holder is as confusable as
      // num_same's only holder, and a second holder makes it worse.
      { kind: "shared", numberId: "num_same" },
      { kind: "shared", numberId: "num_mixed" },
      { kind: "fallback", e164: "+18005550100" },
    ]);
  });

  it("prefers fewer holders, then the lease ending soonest", () => {
    const two = leased("num_two", [holder("US-NY", "desktop"), holder("US-TX", "desktop")]);
    const oneLate = leased("num_one_late", [holder("US-NY", "desktop")], {
      leasedUntil: NOW + 3 * HOUR,
    });
    const oneSoon = leased("num_one_soon", [holder("US-NY", "desktop")], {
      leasedUntil: NOW + HOUR,
    });
    expect(ids(rank([two, oneLate, oneSoon]))).toEqual(["num_one_soon", "num_one_late", "num_two"]);
  });

  it("counts holders of unknown location as indistinguishable by place", () => {
    const unknown = leased("num_unknown", [holder(null, "mobile")]);
    const ny = leased("num_ny", [holder("US-NY", "mobile")]);
    expect(ids(rank([unknown, ny]))).toEqual(["num_ny", "num_unknown"]);
  });

  it("offers free numbers before any shared one", () => {
    const claims = rank([otherCountry, num("num_free", { region: "GB-ENG" })]);
    expect(ids(claims)).toEqual(["num_free", "num_country"]);
  });

  it("with onExhausted 'fallback', goes from free numbers straight to the fallback", () => {
    const claims = rank([otherCountry, num("num_free")], {
      onExhausted: "fallback",
      fallback: "+18005550100",
    });
    expect(claims).toEqual([
      { kind: "free", numberId: "num_free" },
      { kind: "fallback", e164: "+18005550100" },
    ]);
  });

  it("returns nothing when all are leased, sharing is off and there is no fallback", () => {
    expect(rank([otherCountry], { onExhausted: "fallback" })).toEqual([]);
  });

  it("caps shared claims at `limit`", () => {
    const numbers = Array.from({ length: 12 }, (_, i) =>
      leased(`num_${String(i).padStart(2, "0")}`, [holder("US-NY", "desktop")]),
    );
    expect(ids(rank(numbers, { limit: 3 }))).toEqual(["num_00", "num_01", "num_02"]);
    expect(rank(numbers)).toHaveLength(8);
  });
});

describe("rankClaims: empty pool", () => {
  it("returns only the fallback, or nothing", () => {
    expect(rank([], { fallback: "+18005550100" })).toEqual([
      { kind: "fallback", e164: "+18005550100" },
    ]);
    expect(rank([])).toEqual([]);
  });
});
