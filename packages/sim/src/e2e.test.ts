import { describe, expect, it } from "vitest";
import { runScenario } from "./run/http-run";
import { parseScenario } from "./scenario/load";

/**
 * End to end against the real server (spawned, over HTTP) with a fixed seed: the server's
 * matching must rank the true session first at least as often as "last session that held
 * the number", and crawlers must get no numbers. Fails, not skips, when the server returns
 * no matches at all: that means server-side matching is missing.
 */
const scenario = parseScenario({
  name: "e2e",
  days: 1,
  traffic: { visitors_per_day: 500 },
  calls: { probability: 0.12 },
  bots: { share: 0.2 },
  pool: { size: 20, hold_s: 1800 },
});

describe("simulation against the real server", () => {
  it("matches calls at least as well as the baseline and gives bots no numbers", async () => {
    const report = await runScenario(scenario, 11, false);
    expect(report.traffic.bot_views).toBeGreaterThan(0);
    expect(report.traffic.bot_views_numbered).toBe(0);
    expect(report.baseline.calls).toBeGreaterThan(30);
    if (!report.server_matching || !report.ours) {
      throw new Error(
        "GET /v1/calls returned no matches for any call: server-side matching is missing",
      );
    }
    expect(report.ours.calls).toBe(report.baseline.calls);
    expect(report.ours.top1).toBeGreaterThanOrEqual(report.baseline.top1);
  }, 60_000);
});
