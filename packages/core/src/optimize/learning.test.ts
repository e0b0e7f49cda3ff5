import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import type { Characteristic } from "./characteristics";
import {
  enoughEvidence,
  type LeaseOutcome,
  posterior,
  posteriors,
  preferCharacteristic,
  thompsonChoose,
} from "./learning";

function outcomes(channel: string, characteristic: Characteristic, leases: number, calls: number) {
  return Array.from(
    { length: leases },
    (_, i): LeaseOutcome => ({
      channel,
      characteristic,
      called: i < calls,
    }),
  );
}

describe("posteriors", () => {
  it("counts calls per channel × characteristic with a credible interval", () => {
    const result = posteriors([
      ...outcomes("ads", "toll_free", 5, 1),
      ...outcomes("ads", "local:in_region", 50, 5),
      ...outcomes("seo", "toll_free", 2, 0),
    ]);
    expect(result.map((p) => [p.channel, p.characteristic, p.leases, p.calls])).toEqual([
      ["ads", "local:in_region", 50, 5],
      ["ads", "toll_free", 5, 1],
      ["seo", "toll_free", 2, 0],
    ]);
    // 1 call in 5 leases under Beta(1, 1) is Beta(2, 5).
    const tollFree = result[1]!;
    expect(tollFree).toMatchObject({ a: 2, b: 5 });
    expect(tollFree.mean).toBeCloseTo(2 / 7, 12);
    expect(tollFree.lower).toBeCloseTo(0.04327187, 7);
    expect(tollFree.upper).toBeCloseTo(0.64123458, 7);
  });

  it("uses the prior it is given", () => {
    const [p] = posteriors(outcomes("ads", "toll_free", 0, 0), { a: 2, b: 5 });
    expect(p).toBeUndefined();
    expect(posterior("ads", "toll_free", 0, 0, { a: 2, b: 5 }).mean).toBeCloseTo(2 / 7, 12);
  });
});

describe("thompsonChoose", () => {
  const candidates: Characteristic[] = ["toll_free", "local:in_region"];

  it("returns null when learning is off or there is nothing to choose", () => {
    const rng = seededRandom(1);
    expect(thompsonChoose([], candidates, rng, 0)).toBeNull();
    expect(thompsonChoose([], [], rng, 0.1)).toBeNull();
    expect(() => thompsonChoose([], candidates, rng, 1.5)).toThrow(RangeError);
  });

  it("picks uniformly at exploration 1", () => {
    const rng = seededRandom(2);
    const arms = [posterior("ads", "local:in_region", 10_000, 9_000)];
    let local = 0;
    for (let i = 0; i < 2000; i++)
      if (thompsonChoose(arms, candidates, rng, 1) === "local:in_region") local++;
    expect(local / 2000).toBeGreaterThan(0.45);
    expect(local / 2000).toBeLessThan(0.55);
  });

  it("converges on the characteristic with the true lift (local 1.3× toll-free)", () => {
    const rng = seededRandom(42);
    const truth: Record<string, number> = { toll_free: 0.05, "local:in_region": 0.065 };
    const counts = new Map<Characteristic, { n: number; k: number }>();
    const rounds = 20_000;
    let lateLocal = 0;
    for (let round = 0; round < rounds; round++) {
      const arms = [...counts].map(([characteristic, c]) => ({
        characteristic,
        a: 1 + c.k,
        b: 1 + c.n - c.k,
      }));
      const choice = thompsonChoose(arms, candidates, rng, 0.05)!;
      const c = counts.get(choice) ?? { n: 0, k: 0 };
      c.n++;
      if (rng() < truth[choice]!) c.k++;
      counts.set(choice, c);
      if (round >= rounds - 2000 && choice === "local:in_region") lateLocal++;
    }
    expect(lateLocal / 2000).toBeGreaterThan(0.8);
  });
});

describe("enoughEvidence and preferCharacteristic", () => {
  const arms = [posterior("ads", "toll_free", 300, 15), posterior("ads", "local:in_region", 20, 2)];

  it("waits for two measured characteristics", () => {
    expect(enoughEvidence(arms, 200)).toBe(false);
    expect(enoughEvidence(arms, 20)).toBe(true);
    expect(enoughEvidence([], 0)).toBe(false);
  });

  it("keeps the default rule until there is evidence, except for exploration", () => {
    const rng = seededRandom(7);
    const candidates: Characteristic[] = ["toll_free", "local:in_region"];
    let overrides = 0;
    for (let i = 0; i < 1000; i++) {
      if (
        preferCharacteristic({ arms, candidates, rng, exploration: 0.1, minLeases: 200 }) !== null
      ) {
        overrides++;
      }
    }
    expect(overrides).toBeGreaterThan(60);
    expect(overrides).toBeLessThan(140);
    expect(
      preferCharacteristic({ arms, candidates, rng, exploration: 0, minLeases: 1 }),
    ).toBeNull();
    expect(
      preferCharacteristic({ arms, candidates, rng, exploration: 0.1, minLeases: 20 }),
    ).not.toBeNull();
  });
});
