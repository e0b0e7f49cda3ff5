import { describe, expect, it } from "vitest";
import type { Channel } from "../visit";
import { creditCall, MODEL_NAMES, modelWeights, train } from "./credit";
import type { Touch } from "./touch";
import type { TrainingJourney } from "./trained";

const DAY = 24 * 60 * 60 * 1000;
const CALL_AT = Date.UTC(2025, 5, 30, 12);

function touch(sessionId: string, daysBefore: number, channel: Channel): Touch {
  return {
    sessionId,
    at: CALL_AT - daysBefore * DAY,
    channel,
    source: null,
    campaign: null,
    landingPath: null,
  };
}

// Visitor A: paid search 10 days ago, email 3 days ago, then the session that held the number.
const a1 = touch("ses_a1", 10, "paid_search");
const a2 = touch("ses_a2", 3, "email");
const a3 = touch("ses_a3", 0.01, "direct");
// Visitor B: a social visit 40 days ago (outside the lookback), then the matched session.
const b0 = touch("ses_b0", 40, "social");
const b1 = touch("ses_b1", 0.5, "organic_search");

const journeys: Record<string, Touch[]> = {
  ses_a3: [a3, a1, a2],
  ses_a2: [a1, a2],
  ses_b1: [b0, b1],
};
const journeyOf = (sessionId: string) => journeys[sessionId] ?? [];

const training: TrainingJourney[] = [
  { touches: [a1, a2, a3], converted: true },
  { touches: [b1], converted: true },
  { touches: [a2], converted: false },
];

describe("creditCall", () => {
  it("weights each journey by its session's probability (linear, worked by hand)", () => {
    const credit = creditCall({
      matches: [
        { sessionId: "ses_a3", probability: 0.6 },
        { sessionId: "ses_b1", probability: 0.3 },
      ],
      journeyOf,
      model: "linear",
      at: CALL_AT,
    });
    // A: 0.6/3 = 0.2 to each of a1, a2, a3; B: b0 is 40 days old, so b1 gets all 0.3.
    expect(credit.map((c) => [c.touch.sessionId, c.weight])).toEqual([
      ["ses_a1", expect.closeTo(0.2, 12)],
      ["ses_a2", expect.closeTo(0.2, 12)],
      ["ses_b1", expect.closeTo(0.3, 12)],
      ["ses_a3", expect.closeTo(0.2, 12)],
    ]);
  });

  it("sums to the probability that the call is attributed, under every model", () => {
    const matches = [
      { sessionId: "ses_a3", probability: 0.5 },
      { sessionId: "ses_a2", probability: 0.2 },
      { sessionId: "ses_b1", probability: 0.15 },
    ];
    for (const model of MODEL_NAMES) {
      const trained =
        model === "markov" || model === "shapley" ? train(model, training) : undefined;
      const credit = creditCall({ matches, journeyOf, model, trained, at: CALL_AT });
      const total = credit.reduce((s, c) => s + c.weight, 0);
      expect(total, model).toBeCloseTo(0.85, 12);
    }
  });

  it("merges a touch reached through two sessions of one visitor", () => {
    const credit = creditCall({
      matches: [
        { sessionId: "ses_a3", probability: 0.5 },
        { sessionId: "ses_a2", probability: 0.4 },
      ],
      journeyOf,
      model: "first",
    });
    // Both journeys start at a1: 0.5 + 0.4; the other touches get nothing.
    expect(credit.map((c) => [c.touch.sessionId, c.weight])).toEqual([
      ["ses_a1", expect.closeTo(0.9, 12)],
      ["ses_a2", 0],
      ["ses_a3", 0],
    ]);
  });

  it("credits nothing for no matches or an unattributed call", () => {
    expect(creditCall({ matches: [], journeyOf, model: "last" })).toEqual([]);
    const zero = creditCall({
      matches: [{ sessionId: "ses_a3", probability: 0 }],
      journeyOf,
      model: "last",
    });
    expect(zero).toEqual([]);
  });

  it("uses the trained state of a data-driven model and refuses to run without it", () => {
    const markov = train("markov", training);
    // START→paid_search, organic, email 1/3 each; paid_search→email 1; email→direct 1/2,
    // email→NULL 1/2; direct and organic→CONV 1. P = 1/6 + 1/3 + 1/6 = 2/3.
    // Without paid_search: 1/3 + 1/6 = 1/2, RE = 1/4; without email or direct: 1/3, RE = 1/2.
    // Shares 0.25 : 0.5 : 0.5 over 1.25 = 0.2, 0.4, 0.4.
    const weights = modelWeights("markov", [a1, a2, a3], { trained: markov });
    expect(weights).toEqual([0.2, 0.4, 0.4].map((w) => expect.closeTo(w, 12)));
    expect(() => modelWeights("markov", [a1], {})).toThrow(/trained state/);
    expect(() => modelWeights("shapley", [a1], { trained: markov })).toThrow(/trained state/);
  });

  it("applies the time-decay half-life it is given", () => {
    const credit = creditCall({
      matches: [{ sessionId: "ses_a2", probability: 1 }],
      journeyOf,
      model: "time_decay",
      halfLifeMs: 7 * DAY,
    });
    // a1 is 7 days before a2: 1/2 : 1 -> 1/3, 2/3.
    expect(credit.map((c) => c.weight)).toEqual([
      expect.closeTo(1 / 3, 12),
      expect.closeTo(2 / 3, 12),
    ]);
  });
});
