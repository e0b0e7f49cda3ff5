import { describe, expect, it } from "vitest";
import { monthlyCost, poolSizing, sizeForAccuracy } from "./sizing";

// The attribution-math §3.3 toy simulator's number-only curve.
const CURVE = [
  { poolSize: 800, accuracy: 0.83 },
  { poolSize: 100, accuracy: 0.51 },
  { poolSize: 200, accuracy: 0.61 },
  { poolSize: 400, accuracy: 0.72 },
  { poolSize: 1200, accuracy: 0.88 },
  { poolSize: 2000, accuracy: 0.94 },
];

describe("sizeForAccuracy", () => {
  it("interpolates between measured sizes and rounds up", () => {
    expect(sizeForAccuracy(CURVE, 0.9)).toBe(1467);
    expect(sizeForAccuracy(CURVE, 0.72)).toBe(400);
    expect(sizeForAccuracy(CURVE, 0.5)).toBe(100);
  });

  it("is null beyond the curve", () => {
    expect(sizeForAccuracy(CURVE, 0.99)).toBeNull();
    expect(sizeForAccuracy([], 0.5)).toBeNull();
  });
});

describe("poolSizing", () => {
  it("sizes for the peak hour and prices each size", () => {
    const sizing = poolSizing({
      hourly: [
        { hour: 3, arrivals: 10, meanHoldSeconds: 600 },
        // Nimbata's example: 200/h at 3 minutes is 10 Erlangs; 18 numbers for 1%.
        { hour: 14, arrivals: 200, meanHoldSeconds: 180 },
      ],
      poolSize: 10,
      pricePerNumber: 300,
      accuracyCurve: CURVE,
      targetAccuracy: 0.9,
    });
    expect(sizing.peakHour).toBe(14);
    expect(sizing.peakErlangs).toBe(10);
    expect(sizing.exhaustionNow).toBeCloseTo(0.2146, 4);
    expect(sizing.current).toEqual({ size: 10, monthlyCost: 3000 });
    expect(sizing.forExhaustion).toEqual({ size: 18, monthlyCost: 5400, target: 0.01 });
    expect(sizing.forAccuracy).toEqual({ size: 1467, monthlyCost: 440_100, target: 0.9 });
  });

  it("handles a pool with no traffic and no curve", () => {
    const sizing = poolSizing({ hourly: [], poolSize: 4, pricePerNumber: 100 });
    expect(sizing).toMatchObject({
      peakHour: null,
      peakErlangs: 0,
      exhaustionNow: 0,
      forExhaustion: { size: 0, monthlyCost: 0 },
      forAccuracy: null,
    });
  });

  it("multiplies size by price", () => {
    expect(monthlyCost(12, 150)).toBe(1800);
  });
});
