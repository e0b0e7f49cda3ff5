import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded";
import { lift } from "./lift";

describe("lift", () => {
  it("centres on the ratio of the posterior means, with an interval around it", () => {
    // 130 calls in 1000 leases against 100 in 1000: a 1.3× lift.
    const l = lift({ a: 131, b: 871 }, { a: 101, b: 901 }, seededRandom(3));
    expect(l.estimate).toBeCloseTo(131 / 1002 / (101 / 1002), 6);
    expect(l.lower).toBeGreaterThan(1);
    expect(l.lower).toBeLessThan(l.estimate);
    expect(l.upper).toBeGreaterThan(l.estimate);
    expect(l.upper).toBeLessThan(1.8);
  });

  it("gives an interval containing 1 when the arms do not differ", () => {
    const l = lift({ a: 51, b: 951 }, { a: 51, b: 951 }, seededRandom(4));
    expect(l.estimate).toBe(1);
    expect(l.lower).toBeLessThan(1);
    expect(l.upper).toBeGreaterThan(1);
  });

  it("is reproducible with the same seed", () => {
    const a = lift({ a: 5, b: 50 }, { a: 3, b: 50 }, seededRandom(9), 500);
    const b = lift({ a: 5, b: 50 }, { a: 3, b: 50 }, seededRandom(9), 500);
    expect(a).toEqual(b);
  });
});
