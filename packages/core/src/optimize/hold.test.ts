import { describe, expect, it } from "vitest";
import { isCoolingDown, learnHoldTime, quarantineUntil } from "./hold";

const MIN = 60_000;
const DAY = 86_400_000;

describe("learnHoldTime", () => {
  // 1..100 minutes: the 95th percentile (type 7) is 95.05 minutes.
  const delays = Array.from({ length: 100 }, (_, i) => (i + 1) * MIN);

  it("takes a high percentile of the delays, in whole seconds", () => {
    expect(learnHoldTime(delays, { minS: 0, maxS: 86_400 })).toBe(5703);
    expect(learnHoldTime(delays, { percentile: 0.5, minS: 0, maxS: 86_400 })).toBe(3030);
  });

  it("stays within the site's bounds", () => {
    expect(learnHoldTime(delays, { minS: 0, maxS: 1800 })).toBe(1800);
    expect(learnHoldTime(delays, { minS: 7200, maxS: 9000 })).toBe(7200);
  });

  it("keeps the fallback until there are enough delays", () => {
    expect(learnHoldTime(delays.slice(0, 5), { minS: 60, maxS: 3600 })).toBe(3600);
    expect(learnHoldTime([], { minS: 60, maxS: 3600, fallbackS: 1200 })).toBe(1200);
    expect(learnHoldTime(delays.slice(0, 5), { minS: 0, maxS: 3600, minSamples: 5 })).toBe(288);
  });

  it("ignores negative and non-finite delays", () => {
    const noisy = [...delays, -5, Number.NaN, Number.POSITIVE_INFINITY];
    expect(learnHoldTime(noisy, { minS: 0, maxS: 86_400 })).toBe(5703);
  });

  it("rejects inverted bounds", () => {
    expect(() => learnHoldTime(delays, { minS: 10, maxS: 5 })).toThrow(RangeError);
  });
});

describe("quarantine", () => {
  const retiredAt = Date.UTC(2026, 0, 1);

  it("cools a retired number for the given days", () => {
    expect(quarantineUntil(retiredAt, 14)).toBe(retiredAt + 14 * DAY);
    expect(isCoolingDown(retiredAt, 14, retiredAt + 14 * DAY - 1)).toBe(true);
    expect(isCoolingDown(retiredAt, 14, retiredAt + 14 * DAY)).toBe(false);
    expect(isCoolingDown(null, 14, retiredAt)).toBe(false);
    expect(() => quarantineUntil(retiredAt, -1)).toThrow(RangeError);
  });
});
