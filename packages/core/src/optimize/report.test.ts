import { describe, expect, it } from "vitest";
import { type LeaseInterval, poolReport } from "./report";
import { poolSizing } from "./sizing";

const H = 3_600_000;
const M = 60_000;
const T0 = Date.UTC(2026, 5, 1);

function lease(numberId: string, startMin: number, endMin: number): LeaseInterval {
  return { numberId, start: T0 + startMin * M, end: T0 + endMin * M };
}

describe("poolReport", () => {
  it("shapes utilization by hour and exhaustion events from a seeded history", () => {
    const report = poolReport({
      poolSize: 2,
      from: T0,
      to: T0 + 2 * H,
      leases: [
        lease("a", 0, 30),
        lease("b", 15, 45), // a and b together: exhausted 15–30
        lease("b", 20, 40), // shares b: still one number
        lease("a", 70, 100),
        lease("b", 90, 130), // exhausted 90–100; runs past the window
      ],
    });
    expect(report.exhaustionEvents).toEqual([
      { start: T0 + 15 * M, end: T0 + 30 * M },
      { start: T0 + 90 * M, end: T0 + 100 * M },
    ]);
    expect(report.exhaustedShare).toBeCloseTo(25 / 120, 12);
    const [first, second] = report.hours;
    expect(first).toMatchObject({ hourStart: T0, arrivals: 3, peakInUse: 2 });
    // Number-minutes in use: a 30 + b 30 = 60 of 60 → mean 1, utilization 0.5.
    expect(first!.meanInUse).toBeCloseTo(1, 12);
    expect(first!.utilization).toBeCloseTo(0.5, 12);
    expect(first!.meanHoldSeconds).toBeCloseTo(((30 + 30 + 20) * 60) / 3, 9);
    // a 30 + b 30 (clipped at the window's end) = 60 → mean 1.
    expect(second).toMatchObject({ hourStart: T0 + H, arrivals: 2, peakInUse: 2 });
    expect(second!.meanInUse).toBeCloseTo(1, 12);
  });

  it("feeds the sizing figures", () => {
    const leases = Array.from({ length: 60 }, (_, i) => lease(`n${i % 12}`, i, i + 10));
    const report = poolReport({ poolSize: 12, from: T0, to: T0 + H, leases });
    const sizing = poolSizing({ hourly: report.hourlyLoad, poolSize: 12, pricePerNumber: 100 });
    // 60 arrivals/h × 10 min = 10 Erlangs.
    expect(sizing.peakErlangs).toBeCloseTo(10, 9);
    expect(sizing.forExhaustion.size).toBe(18);
  });

  it("counts leases open at the start of the window and reports a pool that stays full", () => {
    const report = poolReport({
      poolSize: 1,
      from: T0,
      to: T0 + 30 * M,
      leases: [lease("a", -10, 60)],
    });
    expect(report.exhaustionEvents).toEqual([{ start: T0, end: T0 + 30 * M }]);
    expect(report.hours[0]).toMatchObject({ arrivals: 0, meanInUse: 1, utilization: 1 });
  });
});
