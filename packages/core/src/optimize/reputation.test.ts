import { describe, expect, it } from "vitest";
import { type CallRecord, reputation } from "./reputation";

const NOW = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;

function call(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    numberId: "num_1",
    at: NOW - DAY,
    durationS: 180,
    answered: true,
    sessionId: "ses_1",
    caller: "+13035550111",
    ...overrides,
  };
}

describe("reputation", () => {
  it("scores clean traffic zero", () => {
    const calls = Array.from({ length: 20 }, (_, i) => call({ caller: `+1303555${1000 + i}` }));
    expect(reputation("num_1", calls, NOW)).toEqual({ numberId: "num_1", score: 0, reasons: [] });
  });

  it("flags short calls with no session", () => {
    const calls = [
      ...Array.from({ length: 6 }, (_, i) =>
        call({ durationS: 3, sessionId: null, caller: `+1212555${1000 + i}` }),
      ),
      ...Array.from({ length: 4 }, () => call()),
    ];
    const r = reputation("num_1", calls, NOW);
    expect(r.reasons.map((x) => x.reason)).toEqual(["short_calls_without_session"]);
    expect(r.score).toBeCloseTo(0.6, 12);
  });

  it("flags a falling answer rate", () => {
    const calls = [
      ...Array.from({ length: 10 }, () => call({ at: NOW - 20 * DAY })),
      ...Array.from({ length: 10 }, (_, i) => call({ answered: i < 2 })),
    ];
    const r = reputation("num_1", calls, NOW);
    expect(r.reasons).toEqual([
      { reason: "answer_rate_falling", strength: 0.8, detail: "answer rate fell from 100% to 20%" },
    ]);
  });

  it("flags callers that ring again and again without a session", () => {
    const calls = [
      ...Array.from({ length: 4 }, () => call({ sessionId: null, caller: "+19995550000" })),
      ...Array.from({ length: 6 }, () => call()),
    ];
    const r = reputation("num_1", calls, NOW);
    expect(r.reasons.map((x) => x.reason)).toEqual(["repeat_caller_pattern"]);
    expect(r.score).toBeCloseTo(0.4, 12);
  });

  it("does not judge a number on a handful of calls", () => {
    const calls = Array.from({ length: 4 }, () => call({ durationS: 2, sessionId: null }));
    expect(reputation("num_1", calls, NOW).score).toBe(0);
  });
});
