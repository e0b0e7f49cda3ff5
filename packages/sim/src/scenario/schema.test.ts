import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, ScenarioError } from "./load";

const minimal = { name: "t", traffic: { visitors_per_day: 100 }, pool: { size: 5 } };

describe("scenario validation", () => {
  it("fills defaults for a minimal scenario", () => {
    const s = parseScenario(minimal);
    expect(s.days).toBe(1);
    expect(s.calls.local_number_lift).toBe(1);
    expect(s.pool.hold_s).toBe(1800);
  });

  it("names every bad field by its path", () => {
    const bad = {
      ...minimal,
      traffic: { visitors_per_day: -3 },
      channels: { paid_search: 1, tv: 2 },
      calls: { probability: 2, delay: { median_min: 10 } },
      pool: { size: 0 },
      extra: true,
    };
    let error: ScenarioError | null = null;
    try {
      parseScenario(bad, "bad.json");
    } catch (err) {
      error = err as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const paths = error?.issues.map((i) => i.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        "traffic.visitors_per_day",
        "channels.tv",
        "calls.probability",
        "calls.delay.sigma",
        "pool.size",
        "(root)",
      ]),
    );
    expect(error?.message).toMatch(/^Invalid scenario bad\.json:\n/);
  });

  it("reports unreadable files and bad JSON", () => {
    expect(() => loadScenario("/nonexistent.json")).toThrow(/\(file\)/);
  });

  it("accepts every shipped scenario", async () => {
    const { readdirSync } = await import("node:fs");
    const dir = new URL("../../scenarios/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual([
      "bot-storm.json",
      "ecommerce-50pct.json",
      "local-lift.json",
      "long-delays.json",
      "pool-month.json",
      "small-site.json",
    ]);
    for (const f of files)
      expect(loadScenario(new URL(f, dir).pathname).name).toBe(f.replace(".json", ""));
  });
});
