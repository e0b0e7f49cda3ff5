import { classifyVisit } from "@ringtrail/core/channel";
import { describe, expect, it } from "vitest";
import { Rng } from "../random";
import { parseScenario } from "../scenario/load";
import { intensity } from "./arrivals";
import { generatePlan } from "./plan";

const HOUR = 3_600_000;
const scenario = parseScenario({
  name: "stats",
  days: 4,
  traffic: { visitors_per_day: 3000, peak_hour: 14, peak_to_mean: 1.8 },
  pool: { size: 100 },
});
const plan = generatePlan(scenario, 0, new Map(), new Rng(7));

describe("traffic generator", () => {
  it("follows the diurnal curve: busiest around the peak hour, about 1.8x the mean", () => {
    const perHour = new Array(24).fill(0);
    for (const v of plan.visitors) {
      const hour = Math.floor(((v.sessions[0]?.views[0]?.at ?? 0) / HOUR - 5 + 48) % 24);
      perHour[hour]++;
    }
    const mean = plan.visitors.length / 24;
    expect(plan.visitors.length).toBeGreaterThan(3000 * 4 * 0.95);
    expect(plan.visitors.length).toBeLessThan(3000 * 4 * 1.05);
    const peak = perHour.indexOf(Math.max(...perHour));
    expect(Math.abs(peak - 14)).toBeLessThanOrEqual(1);
    expect(perHour[14] / mean).toBeGreaterThan(1.6);
    expect(perHour[14] / mean).toBeLessThan(2.0);
    expect(perHour[2] / mean).toBeLessThan(0.45);
    expect(intensity(scenario, 19 * HOUR)).toBeCloseTo(1.8, 1);
  });

  it("draws first sessions' channels by the mix, and the classifier reads them back", () => {
    const counts = new Map<string, number>();
    const mix = scenario.channels as Record<string, number>;
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    for (const v of plan.visitors) {
      const s = v.sessions[0];
      const first = s?.views[0];
      if (!s || !first) continue;
      expect(classifyVisit({ url: first.url, referrer: first.referrer }).channel).toBe(s.channel);
      counts.set(s.channel, (counts.get(s.channel) ?? 0) + 1);
    }
    for (const [channel, w] of Object.entries(mix)) {
      const share = (counts.get(channel) ?? 0) / plan.visitors.length;
      expect(Math.abs(share - w / total)).toBeLessThan(0.015);
    }
  });

  it("is reproducible from the seed", () => {
    const again = generatePlan(scenario, 0, new Map(), new Rng(7));
    expect(again.visitors.slice(0, 50)).toEqual(plan.visitors.slice(0, 50));
  });
});
