import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import type { Channel } from "../visit";
import { type Coalition, shapleyValues, trainShapley } from "./shapley";
import type { TrainingJourney } from "./trained";

/** Zhao et al.'s closed form for this game: each coalition's value split over its members. */
function zhao(coalitions: readonly Coalition[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { players, value } of coalitions) {
    const distinct = [...new Set(players)];
    for (const p of distinct) out[p] = (out[p] ?? 0) + value / distinct.length;
  }
  return out;
}

describe("shapleyValues, exact", () => {
  it("matches a two-player game worked by hand", () => {
    // v(∅) = 0, v(A) = 2, v(B) = 1, v(AB) = 2 + 1 + 2 = 5.
    // φ_A = ½[(v(A) − v(∅)) + (v(AB) − v(B))] = ½[2 + 4] = 3; φ_B = ½[1 + 3] = 2.
    const result = shapleyValues([
      { players: ["A"], value: 2 },
      { players: ["A", "B"], value: 2 },
      { players: ["B"], value: 1 },
    ]);
    expect(result.exact).toBe(true);
    expect(result.values.A).toBeCloseTo(3, 12);
    expect(result.values.B).toBeCloseTo(2, 12);
  });

  it("matches a three-player game worked by hand", () => {
    // {A}: 2, {A,B}: 2, {B,C}: 3, {A,B,C}: 3. v: A 2, B 0, C 0, AB 4, AC 2, BC 3, ABC 10.
    // C's marginals over the 6 orders: ABC 6, ACB 0, BAC 6, BCA 3, CAB 0, CBA 0 -> 15/6 = 2.5.
    // A's: ABC 2, ACB 2, BAC 4, BCA 7, CAB 2, CBA 7 -> 24/6 = 4; B = 10 − 4 − 2.5 = 3.5.
    const { values } = shapleyValues([
      { players: ["A"], value: 2 },
      { players: ["A", "B"], value: 2 },
      { players: ["B", "C"], value: 3 },
      { players: ["A", "B", "C", "A"], value: 3 },
    ]);
    expect(values.A).toBeCloseTo(4, 12);
    expect(values.B).toBeCloseTo(3.5, 12);
    expect(values.C).toBeCloseTo(2.5, 12);
  });

  it("equals the closed form on a random 10-player game", () => {
    const rng = seededRandom(11);
    const players = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const coalitions = Array.from({ length: 60 }, () => ({
      players: players.filter(() => rng() < 0.3).concat(players[Math.floor(rng() * 10)] ?? "p0"),
      value: Math.floor(rng() * 5),
    }));
    const { values, exact } = shapleyValues(coalitions);
    expect(exact).toBe(true);
    const expected = zhao(coalitions);
    for (const p of players) expect(values[p]).toBeCloseTo(expected[p] ?? 0, 9);
  });
});

describe("shapleyValues, sampled", () => {
  const channels = Array.from({ length: 14 }, (_, i) => `c${i}`);

  it("gives symmetric players equal shares", () => {
    // Every pair of 14 players is a coalition worth 1: by symmetry each gets 91/14 = 6.5.
    const pairs: Coalition[] = channels.flatMap((a, i) =>
      channels.slice(i + 1).map((b) => ({ players: [a, b], value: 1 })),
    );
    const { values, exact } = shapleyValues(pairs, { rng: seededRandom(3), permutations: 2000 });
    expect(exact).toBe(false);
    for (const c of channels) expect(values[c]).toBeGreaterThan(6.5 * 0.95);
    for (const c of channels) expect(values[c]).toBeLessThan(6.5 * 1.05);
    const total = Object.values(values).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(91, 9);
  });

  it("approaches the closed form on an uneven 14-player game", () => {
    const rng = seededRandom(5);
    const coalitions = Array.from({ length: 200 }, (_, n) => ({
      players: channels.filter((_, i) => rng() < 0.6 / (1 + i / 3) || i === n % 14),
      value: 1,
    }));
    const { values } = shapleyValues(coalitions, { rng: seededRandom(9), permutations: 3000 });
    const expected = zhao(coalitions);
    for (const c of channels)
      expect(Math.abs((values[c] ?? 0) - (expected[c] ?? 0))).toBeLessThan(0.6);
  });

  it("needs an rng beyond the exact limit, and uses it deterministically", () => {
    const big = [{ players: channels, value: 1 }];
    expect(() => shapleyValues(big)).toThrow(RangeError);
    const a = shapleyValues(big, { rng: seededRandom(1), permutations: 10 });
    const b = shapleyValues(big, { rng: seededRandom(1), permutations: 10 });
    expect(a).toEqual(b);
    expect(shapleyValues(big, { exactUpTo: 14 }).values.c3).toBeCloseTo(1 / 14, 12);
  });
});

describe("trainShapley", () => {
  const j = (channels: Channel[], converted: boolean): TrainingJourney => ({
    converted,
    touches: channels.map((channel, i) => ({
      sessionId: `s${i}`,
      at: i,
      channel,
      source: null,
      campaign: null,
      landingPath: null,
    })),
  });

  it("credits converting journeys only, one conversion each", () => {
    const model = trainShapley([
      j(["paid_search"], true),
      j(["paid_search", "email", "paid_search"], true),
      j(["email", "social"], false),
    ]);
    // paid_search: 1 + 1/2, email: 1/2; the non-converting journey adds nothing.
    expect(model).toEqual({
      model: "shapley",
      groupBy: "channel",
      values: { paid_search: expect.closeTo(1.5, 12), email: expect.closeTo(0.5, 12) },
      exact: true,
    });
  });
});
