import { FEATURE_NAMES } from "@ringtrail/core/match";
import { describe, expect, it } from "vitest";
import { diagnoseEstimators, estimatorTable } from "./estimators";

describe("estimator diagnosis", () => {
  it("finds unsupervised EM's fit more likely than the truth's parameters, and less accurate", async () => {
    const [point] = await diagnoseEstimators({
      seed: 3,
      visitorsPerDay: 800,
      days: 3,
      delays: [5],
      multiples: [1],
    });
    if (!point) throw new Error("no point");
    const ll = point.log_likelihood;
    // The model's optimum is not the truth: that is why ours runs on the defaults.
    expect(ll.em).toBeGreaterThan(ll.truth);
    expect(Math.abs(ll.em_from_truth - ll.em)).toBeLessThanOrEqual(Math.abs(ll.em) * 1e-4);
    expect(point.top1.em).toBeLessThan(point.top1.oracle_same_data);
    expect(point.top1.oracle_same_data).toBeLessThanOrEqual(point.top1.oracle + 0.005);
    expect(Object.keys(point.ablation)).toEqual(FEATURE_NAMES);
    expect(estimatorTable([point])).toContain(`${point.pool}`);
  });
});
