import { describe, expect, it } from "vitest";
import { callerSentiment } from "./caller-sentiment";
import { scoreSentiment } from "./sentiment";

const NOW = Date.parse("2026-11-24T15:00:00Z");
const DAY = 86_400_000;
const ANGRY = "This is terrible, I am furious about my bill";
const NEUTRAL = "I have a question about my bill";

type Case = [
  name: string,
  history: { score: number; daysAgo: number }[],
  speech: { text: string; confidence: number } | undefined,
  expected: { total: number; weight: number },
];

const cases: Case[] = [
  ["no history, nothing said: no evidence", [], undefined, { total: 0, weight: 0 }],
  [
    "only this call: its score, whatever the confidence",
    [],
    { text: ANGRY, confidence: 0.3 },
    { total: scoreSentiment(ANGRY).score, weight: 0.3 },
  ],
  [
    "yesterday's anger outweighs a neutral, well-recognised call",
    [{ score: -0.8, daysAgo: 1 }],
    { text: NEUTRAL, confidence: 0.9 },
    { total: (-0.8 * 0.5 ** (1 / 30)) / (0.5 ** (1 / 30) + 0.9), weight: 0.5 ** (1 / 30) + 0.9 },
  ],
  [
    "a barely recognised rant hardly moves a calm history",
    [{ score: 0.7, daysAgo: 1 }],
    { text: ANGRY, confidence: 0.05 },
    {
      total:
        (0.7 * 0.5 ** (1 / 30) + 0.05 * scoreSentiment(ANGRY).score) / (0.5 ** (1 / 30) + 0.05),
      weight: 0.5 ** (1 / 30) + 0.05,
    },
  ],
  [
    "a 90-day-old complaint counts an eighth of a call today",
    [{ score: -1, daysAgo: 90 }],
    { text: "great, thank you", confidence: 1 },
    {
      total: (-0.125 + scoreSentiment("great, thank you").score) / 1.125,
      weight: 1.125,
    },
  ],
];

describe("callerSentiment", () => {
  it.each(cases)("%s", (_name, history, speech, expected) => {
    const result = callerSentiment(
      history.map((h) => ({ score: h.score, at: NOW - h.daysAgo * DAY })),
      speech,
      NOW,
    );
    expect(result.total).toBeCloseTo(expected.total, 6);
    expect(result.weight).toBeCloseTo(expected.weight, 6);
    expect(result.history).toBe(history.length);
    expect(result.current).toBe(speech ? scoreSentiment(speech.text).score : null);
  });

  it("routes the sample cases as a template would (total < -0.3 goes to retention)", () => {
    const retention = (c: Case) =>
      callerSentiment(
        c[1].map((h) => ({ score: h.score, at: NOW - h.daysAgo * DAY })),
        c[2],
        NOW,
      ).total < -0.3;
    expect(cases.map(retention)).toEqual([false, true, true, false, false]);
  });
});
