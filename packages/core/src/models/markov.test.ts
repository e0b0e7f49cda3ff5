import { describe, expect, it } from "vitest";
import type { Channel } from "../visit";
import { trainMarkov } from "./markov";
import type { Touch } from "./touch";
import { type TrainingJourney, weightsFromImportance } from "./trained";

function path(channels: Channel[], converted: boolean): TrainingJourney {
  const touches: Touch[] = channels.map((channel, i) => ({
    sessionId: `ses_${i}`,
    at: i * 1000,
    channel,
    source: null,
    campaign: `cmp_${channel}`,
    landingPath: null,
  }));
  return { touches, converted };
}

// The common 3-channel example (C1 = paid_search, C2 = email, C3 = display):
//   C1 > C2 > C3 > CONV,  C1 > NULL,  C2 > C3 > NULL
// Transitions: START→C1 2/3, START→C2 1/3; C1→C2 1/2, C1→NULL 1/2; C2→C3 1; C3→CONV 1/2,
// C3→NULL 1/2. P(CONV) = (2/3·1/2 + 1/3)·1·1/2 = 1/3.
// Without C1: only START→C2 survives: 1/3·1·1/2 = 1/6, RE = 1 − (1/6)/(1/3) = 1/2.
// Without C2 or C3 every converting path is cut: RE = 1.
// Shares RE/ΣRE = 0.5/2.5, 1/2.5, 1/2.5 = 0.2, 0.4, 0.4.
const textbook = [
  path(["paid_search", "email", "display"], true),
  path(["paid_search"], false),
  path(["email", "display"], false),
];

describe("trainMarkov", () => {
  it("reproduces the textbook removal effects", () => {
    const model = trainMarkov(textbook);
    expect(model.conversionProbability).toBeCloseTo(1 / 3, 12);
    expect(model.removalEffects.paid_search).toBeCloseTo(0.5, 12);
    expect(model.removalEffects.email).toBeCloseTo(1, 12);
    expect(model.removalEffects.display).toBeCloseTo(1, 12);
    const credit = weightsFromImportance(
      textbook[0]?.touches ?? [],
      model.removalEffects,
      "channel",
    );
    expect(credit.map((w) => w.toFixed(12))).toEqual([
      "0.200000000000",
      "0.400000000000",
      "0.400000000000",
    ]);
  });

  it("solves chains with cycles", () => {
    // A > B > A > CONV and B > NULL (A = email, B = social).
    // START→A 1/2, START→B 1/2; A→B 1/2, A→CONV 1/2; B→A 1/2, B→NULL 1/2.
    // x_A = 1/2 + x_B/2, x_B = x_A/2 -> x_A = 2/3, x_B = 1/3; P = (2/3 + 1/3)/2 = 1/2.
    // Without A: x_B = 0, P = 0, RE = 1. Without B: x_A = 1/2, P = 1/4, RE = 1/2.
    const model = trainMarkov([path(["email", "social", "email"], true), path(["social"], false)]);
    expect(model.conversionProbability).toBeCloseTo(0.5, 12);
    expect(model.removalEffects.email).toBeCloseTo(1, 12);
    expect(model.removalEffects.social).toBeCloseTo(0.5, 12);
  });

  it("ignores repeats of a channel: self-loops change no absorption probability", () => {
    const repeated = [
      path(["paid_search", "paid_search", "email", "display", "display"], true),
      path(["paid_search", "paid_search"], false),
      path(["email", "display"], false),
    ];
    expect(trainMarkov(repeated).removalEffects).toEqual(
      Object.fromEntries(
        Object.entries(trainMarkov(textbook).removalEffects).map(([k, v]) => [
          k,
          expect.closeTo(v, 12),
        ]),
      ),
    );
  });

  it("gives no effect to a channel seen only on paths that never convert", () => {
    const model = trainMarkov([
      ...textbook,
      path(["affiliate"], false),
      path(["affiliate"], false),
    ]);
    expect(model.removalEffects.affiliate).toBe(0);
    // Two more non-converting journeys: P(CONV) = (2/5·1/2 + 1/5)·1/2 = 1/5.
    expect(model.conversionProbability).toBeCloseTo(1 / 5, 12);
  });

  it("groups by another key and survives no conversions", () => {
    const model = trainMarkov(textbook, { groupBy: "campaign" });
    expect(Object.keys(model.removalEffects).sort()).toEqual([
      "cmp_display",
      "cmp_email",
      "cmp_paid_search",
    ]);
    const none = trainMarkov([path(["email"], false), { touches: [], converted: true }]);
    expect(none).toEqual({
      model: "markov",
      groupBy: "channel",
      conversionProbability: 0,
      removalEffects: { email: 0 },
    });
  });
});
