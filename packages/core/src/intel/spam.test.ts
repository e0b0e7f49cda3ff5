import { describe, expect, it } from "vitest";
import { type CallFacts, scoreSpam } from "./spam";

const genuine: CallFacts = {
  caller: "+17135550101",
  called: "+14155550100",
  durationSec: 240,
  hasSession: true,
  recentCallsFromCaller: 1,
  transcript: "Hi, I'd like to book a cleaning for next week",
};

const codes = (facts: Partial<CallFacts>) =>
  scoreSpam({ ...genuine, ...facts }).reasons.map((r) => r.code);

describe("scoreSpam", () => {
  it("gives a genuine call no signals", () => {
    expect(scoreSpam(genuine)).toEqual({ score: 0, isSpam: false, reasons: [] });
  });

  it.each([
    ["withheld caller id", { caller: "anonymous" }, ["caller_id_withheld"], false],
    ["invalid caller id", { caller: "+1555" }, ["caller_id_invalid"], false],
    ["no session, short", { hasSession: false, durationSec: 20 }, ["no_session", "short"], false],
    ["block-listed", { listed: true }, ["listed"], true],
    [
      "warranty script",
      { transcript: "We've been trying to reach you about your car's extended warranty" },
      ["script:warranty"],
      false,
    ],
    [
      "robocall",
      { caller: null, hasSession: false, durationSec: 6, recentCallsFromCaller: 1 },
      ["caller_id_withheld", "no_session", "very_short"],
      true,
    ],
    [
      "repeated short session-less",
      { hasSession: false, durationSec: 4, recentCallsFromCaller: 6 },
      ["no_session", "very_short", "repeated_caller"],
      true,
    ],
    [
      "neighbour spoof with script",
      {
        caller: "+14155550177",
        transcript: "press 1 to speak to an agent, this is not a sales call",
      },
      ["neighbour_spoofing", "script:press_digit", "script:not_sales"],
      true,
    ],
  ] as const)("%s", (_name, facts, expected, isSpam) => {
    expect(codes(facts)).toEqual(expected);
    expect(scoreSpam({ ...genuine, ...facts }).isSpam).toBe(isSpam);
  });

  it("combines weights as a noisy OR", () => {
    const { score } = scoreSpam({ ...genuine, caller: null, hasSession: false, durationSec: 6 });
    expect(score).toBeCloseTo(1 - 0.7 * 0.9 * 0.75, 10);
  });
});
