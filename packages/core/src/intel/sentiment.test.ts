import { describe, expect, it } from "vitest";
import { type PastSentiment, scoreSentiment, totalSentiment } from "./sentiment";

describe("scoreSentiment", () => {
  it.each([
    ["great, thank you", 5, 5 / Math.sqrt(40)],
    ["terrible service", -3, -3 / Math.sqrt(24)],
    ["my appointment is on Tuesday", 0, 0],
    ["I want to reschedule", 1, 1 / 4], // AFINN scores "want" +1
    ["this is not good", -3, -3 / Math.sqrt(24)],
  ])("%s -> raw %d", (text, raw, score) => {
    const result = scoreSentiment(text);
    expect(result.raw).toBe(raw);
    expect(result.score).toBeCloseTo(score, 10);
  });

  it("stays inside (-1, 1) for long rants", () => {
    const rant = "awful horrible terrible disgusting hate ".repeat(20);
    const result = scoreSentiment(rant);
    expect(result.score).toBeLessThan(-0.99);
    expect(result.score).toBeGreaterThan(-1);
  });
});

describe("totalSentiment", () => {
  const now = Date.UTC(2026, 10, 24);
  const daysAgo = (days: number) => new Date(now - days * 86_400_000);
  const cases: [
    string,
    PastSentiment[],
    { score: number; confidence: number } | undefined,
    number,
    number,
  ][] = [
    ["no evidence", [], undefined, 0, 0],
    ["one fresh interaction", [{ score: -0.5, at: daysAgo(0) }], undefined, -0.5, 1],
    ["current call only, fully recognised", [], { score: 0.8, confidence: 1 }, 0.8, 1],
    // (1·-1 + 0.5·1) / 1.5
    [
      "fresh negative outweighs month-old positive",
      [
        { score: -1, at: daysAgo(0) },
        { score: 1, at: daysAgo(30) },
      ],
      undefined,
      -1 / 3,
      1.5,
    ],
    // history weight 0.5 (30 days), current weight 0.5: plain mean
    [
      "current at confidence 0.5 vs 30-day-old",
      [{ score: 1, at: daysAgo(30) }],
      { score: -1, confidence: 0.5 },
      0,
      1,
    ],
    // (1·0.6 + 0.1·-1) / 1.1
    [
      "badly recognised call barely moves",
      [{ score: 0.6, at: daysAgo(0) }],
      { score: -1, confidence: 0.1 },
      0.5 / 1.1,
      1.1,
    ],
    // 0.25·1 + 1·0 over 1.25
    [
      "60 days is a quarter",
      [{ score: 1, at: daysAgo(60) }],
      { score: 0, confidence: 1 },
      0.2,
      1.25,
    ],
    ["future timestamps count as now", [{ score: 0.4, at: daysAgo(-5) }], undefined, 0.4, 1],
    [
      "out-of-range inputs are clamped",
      [{ score: 3, at: daysAgo(0) }],
      { score: -7, confidence: 2 },
      0,
      2,
    ],
  ];
  it.each(cases)("%s", (_name, history, current, score, weight) => {
    const result = totalSentiment(history, current, now);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.weight).toBeCloseTo(weight, 10);
  });

  it("uses the half-life given", () => {
    const result = totalSentiment(
      [{ score: 1, at: daysAgo(7) }],
      { score: 0, confidence: 1 },
      now,
      7,
    );
    expect(result.score).toBeCloseTo(1 / 3, 10);
  });
});
