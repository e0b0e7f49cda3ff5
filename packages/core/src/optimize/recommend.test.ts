import { describe, expect, it } from "vitest";
import { areaCodesFor } from "./areas";
import { type OptimizerNumber, type RecommendInput, recommend } from "./recommend";
import type { CallRecord } from "./reputation";

const NOW = Date.UTC(2026, 5, 30, 12);
const MIN = 60_000;
const DAY = 86_400_000;

function num(id: string, poolId: string, region: string, overrides: Partial<OptimizerNumber> = {}) {
  return {
    id,
    poolId,
    e164: "+13035550100",
    kind: "local",
    region,
    createdAt: NOW - 200 * DAY,
    status: "active",
    retiredAt: null,
    ...overrides,
  } satisfies OptimizerNumber;
}

const spam: CallRecord[] = Array.from({ length: 20 }, (_, i) => ({
  numberId: "num_a4",
  at: NOW - i * 3_600_000,
  durationS: 2,
  answered: false,
  sessionId: null,
  caller: `+1555000${1000 + i}`,
}));

function input(overrides: Partial<RecommendInput> = {}): RecommendInput {
  return {
    numbers: [
      num("num_a1", "pool_a", "US-CO"),
      num("num_a2", "pool_a", "US-CO"),
      num("num_a3", "pool_a", "US-CO"),
      num("num_a4", "pool_a", "US-CO"),
      num("num_a5", "pool_a", "US", { kind: "toll_free", e164: "+18005550100" }),
      num("num_aq1", "pool_a", "US-CO", { status: "quarantined", retiredAt: NOW - 40 * DAY }),
      num("num_aq2", "pool_a", "US-CO", { status: "quarantined", retiredAt: NOW - 5 * DAY }),
      num("num_b1", "pool_b", "US-TX"),
      num("num_b2", "pool_b", "US-NY"),
      num("num_b3", "pool_b", "US-NY"),
    ],
    visitorsByRegion: [
      { poolId: "pool_a", region: "US-CO", visitors: 80 },
      { poolId: "pool_a", region: "US-NY", visitors: 20 },
      { poolId: "pool_b", region: "US-TX", visitors: 90 },
      { poolId: "pool_b", region: "GB", visitors: 10 },
    ],
    leases: [
      { numberId: "num_a4", start: NOW - 5 * MIN, end: NOW + 10 * MIN },
      { numberId: "num_b2", start: NOW - MIN, end: NOW + 20 * MIN },
      { numberId: "num_b3", start: NOW - 120 * MIN, end: NOW - 60 * MIN },
    ],
    calls: spam,
    now: NOW,
    quarantineDays: 30,
    ...overrides,
  };
}

describe("recommend", () => {
  it("adds, moves, retires and reactivates numbers", () => {
    const { reputations, ...result } = recommend(input());
    expect(result).toEqual({
      addNumbers: [
        // One of its four Colorado numbers is burnt: the pool wants ⌈0.8 × 4⌉ = 4.
        { poolId: "pool_a", region: "US-CO", count: 1, areaCodes: areaCodesFor("US-CO") },
        { poolId: "pool_b", region: "US-TX", count: 2, areaCodes: areaCodesFor("US-TX") },
      ],
      retireOrQuarantine: [
        {
          numberId: "num_a4",
          action: "retire",
          score: 1,
          reasons: [expect.objectContaining({ reason: "short_calls_without_session" })],
          // Its live lease ends first.
          notBefore: NOW + 10 * MIN,
        },
      ],
      reactivate: ["num_aq1"],
      // pool_b's visitors are in Texas; its New York numbers go where New Yorkers are.
      moves: [{ numberId: "num_b3", fromPoolId: "pool_b", toPoolId: "pool_a", region: "US-NY" }],
    });
    expect(reputations).toHaveLength(10);
    expect(areaCodesFor("US-CO")).toEqual(expect.arrayContaining(["303", "719", "720", "970"]));
  });

  it("never moves a number that holds a live lease", () => {
    const base = input();
    const numbers = base.numbers.filter((n) => n.id !== "num_b3");
    const result = recommend({ ...base, numbers });
    expect(result.moves).toEqual([]);
    expect(result.addNumbers).toContainEqual({
      poolId: "pool_a",
      region: "US-NY",
      count: 1,
      areaCodes: expect.arrayContaining(["212", "718"]),
    });
  });

  it("moves nothing when every spare number is leased, even with many gaps", () => {
    const numbers = [num("num_1", "pool_x", "US-CA"), num("num_2", "pool_x", "US-CA")];
    const result = recommend({
      ...input(),
      numbers,
      visitorsByRegion: [
        { poolId: "pool_x", region: "US-TX", visitors: 10 },
        { poolId: "pool_y", region: "US-CA", visitors: 10 },
      ],
      leases: numbers.map((n) => ({ numberId: n.id, start: NOW - MIN, end: NOW + MIN })),
      calls: [],
    });
    expect(result.moves).toEqual([]);
    expect(result.addNumbers.map((a) => [a.poolId, a.region, a.count])).toEqual([
      ["pool_x", "US-TX", 2],
      ["pool_y", "US-CA", 1],
    ]);
  });
});

describe("areaCodesFor", () => {
  it("lists a region's area codes and borrows shared ones only when it has none", () => {
    expect(areaCodesFor("us-ny")).toContain("212");
    expect(areaCodesFor("CA-PE")).toContain("902");
    expect(areaCodesFor("CA-NS")).toContain("902");
    expect(areaCodesFor("GB")).toEqual([]);
  });
});
