import { describe, expect, it } from "vitest";
import { evaluate, formatEvaluation, splitByIndex } from "./evaluate";
import { classify, type SubjectModel, trainSubjects } from "./subjects";
import { STARTER_EXAMPLES, STARTER_SUBJECTS } from "./subjects.data";

describe("subject classifier on the starter set", () => {
  const { train, heldOut } = splitByIndex(STARTER_EXAMPLES, 5);
  const model = trainSubjects(train);

  it("ships 300+ examples across the six starter subjects, split 80/20 by index", () => {
    expect(STARTER_EXAMPLES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(STARTER_EXAMPLES.map((e) => e.subject))).toEqual(new Set(STARTER_SUBJECTS));
    expect(train.length).toBe(264);
    expect(heldOut.length).toBe(66);
  });

  it("reaches the measured held-out accuracy", () => {
    const evaluation = evaluate(model, heldOut);
    console.log(`\n${formatEvaluation(evaluation)}`);
    // Measured 0.636 (42/66) on this split; 5-fold by index averages 0.679.
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.6);
    expect(evaluation.subjects.map((m) => m.support)).toEqual([11, 11, 11, 11, 11, 11]);
  });

  it("classifies plain cases", () => {
    expect(classify(model, "I was charged twice on my card").subject).toBe("billing");
    expect(classify(model, "cancel my subscription").subject).toBe("cancellation");
    expect(classify(model, "can I book an appointment on Friday").subject).toBe("scheduling");
  });

  it("returns posteriors that sum to 1 with confidence of the winner", () => {
    const result = classify(model, "reschedule my visit to Thursday");
    const sum = Object.values(result.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect(result.confidence).toBe(result.scores[result.subject]);
    expect(Object.keys(result.scores).sort()).toEqual([...STARTER_SUBJECTS].sort());
  });

  it("falls back to the prior for unknown words and survives prototype keys", () => {
    const skewed = trainSubjects([
      { text: "refund please", subject: "billing" },
      { text: "invoice wrong", subject: "billing" },
      { text: "cancel it", subject: "cancellation" },
    ]);
    const result = classify(skewed, "constructor __proto__ zzz");
    expect(result.subject).toBe("billing");
    expect(result.confidence).toBeCloseTo(2 / 3, 10);
  });

  it("round-trips through JSON with identical predictions", () => {
    const restored = JSON.parse(JSON.stringify(model)) as SubjectModel;
    for (const { text } of heldOut) {
      expect(classify(restored, text)).toEqual(classify(model, text));
    }
  });

  it("computes precision and recall from the confusion matrix", () => {
    const tiny = trainSubjects([
      { text: "refund invoice", subject: "billing" },
      { text: "cancel account", subject: "cancellation" },
    ]);
    const evaluation = evaluate(tiny, [
      { text: "refund", subject: "billing" },
      { text: "cancel", subject: "cancellation" },
      { text: "invoice cancel cancel", subject: "billing" },
    ]);
    expect(evaluation.accuracy).toBeCloseTo(2 / 3, 10);
    expect(evaluation.subjects).toEqual([
      { subject: "billing", precision: 1, recall: 0.5, f1: 2 / 3, support: 2 },
      { subject: "cancellation", precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    ]);
  });
});
