import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile, logGamma } from "./beta";

// Reference values from scipy.stats.beta (cdf / ppf).
describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe("betaCdf", () => {
  it("matches published values", () => {
    expect(betaCdf(0.3, 2, 5)).toBeCloseTo(0.579825, 10);
    expect(betaCdf(0.2, 10, 30)).toBeCloseTo(0.2413594512807919, 10);
    expect(betaCdf(0.5, 3, 3)).toBeCloseTo(0.5, 12);
  });

  it("is 0 and 1 at the ends", () => {
    expect(betaCdf(0, 2, 5)).toBe(0);
    expect(betaCdf(1, 2, 5)).toBe(1);
  });
});

describe("betaQuantile", () => {
  it("matches Beta(2, 5) quantiles", () => {
    expect(betaQuantile(0.025, 2, 5)).toBeCloseTo(0.04327187, 7);
    expect(betaQuantile(0.5, 2, 5)).toBeCloseTo(0.26444998, 7);
    expect(betaQuantile(0.975, 2, 5)).toBeCloseTo(0.64123458, 7);
  });

  it("handles U-shaped and concentrated posteriors", () => {
    expect(betaQuantile(0.025, 0.5, 0.5)).toBeCloseTo(0.00154133, 7);
    expect(betaQuantile(0.975, 0.5, 0.5)).toBeCloseTo(0.99845867, 7);
    expect(betaQuantile(0.025, 51, 951)).toBeCloseTo(0.03816683, 7);
    expect(betaQuantile(0.975, 51, 951)).toBeCloseTo(0.06532569, 7);
  });

  it("inverts the CDF", () => {
    for (const p of [0.001, 0.1, 0.37, 0.9, 0.999]) {
      expect(betaCdf(betaQuantile(p, 7, 3), 7, 3)).toBeCloseTo(p, 10);
    }
  });

  it("rejects bad shapes and probabilities", () => {
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(RangeError);
    expect(() => betaQuantile(1.5, 1, 1)).toThrow(RangeError);
  });
});
