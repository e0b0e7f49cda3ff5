import { describe, expect, it } from "vitest";
import { interpret, renderTemplate } from "./interpret";
import { compileRules } from "./rules";
import { trainSubjects } from "./subjects";
import { STARTER_EXAMPLES } from "./subjects.data";

const subjectModel = trainSubjects(STARTER_EXAMPLES);
const rules = (() => {
  const compiled = compileRules([
    { name: "urgent", when: 'text.contains("asap")', urgency: "high", intent: "rush" },
  ]);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.rules;
})();
const base = { metadata: {}, subjectModel, rules, history: [], earlierInteractions: 0 };

describe("interpret: models per channel, then the action", () => {
  it("runs subject, sentiment and rules on an SMS; no spam model off calls", () => {
    const result = interpret({ ...base, channel: "sms", text: "I was charged twice on my card" });
    expect(result.models.map((m) => m.model)).toEqual(["subject", "sentiment", "intent_rules"]);
    expect(result.subject).toBe("billing");
    expect(result.medium).toMatchObject({ medium: "sms", rule: "same_channel" });
  });

  it("adds the spam detector for calls and gives spam no response", () => {
    const call = {
      caller: "anonymous",
      durationSec: 4,
      hasSession: false,
      recentCallsFromCaller: 6,
    };
    const result = interpret({ ...base, channel: "call", text: "press one now", call });
    expect(result.models.map((m) => m.model)).toEqual([
      "spam",
      "subject",
      "sentiment",
      "intent_rules",
    ]);
    expect(result.spam).toBe(true);
    expect(result.medium).toBeNull();
  });

  it("a call without a transcript runs only spam and rules; rules make it urgent", () => {
    const call = {
      caller: "+14155550123",
      durationSec: 120,
      hasSession: true,
      recentCallsFromCaller: 1,
    };
    const silent = interpret({ ...base, channel: "call", text: "", call });
    expect(silent.models.map((m) => m.model)).toEqual(["spam", "intent_rules"]);
    expect(silent.spam).toBe(false);
    const rush = interpret({ ...base, channel: "email", text: "cancel my plan asap" });
    expect(rush).toMatchObject({ intent: "rush", urgency: "high" });
    expect(rush.medium).toMatchObject({ medium: "callback", rule: "urgent" });
  });

  it("fills template placeholders and blanks unknown ones", () => {
    expect(
      renderTemplate("Hi {{ name }}, re {{subject}} {{x}}!", { name: "Ann", subject: "billing" }),
    ).toBe("Hi Ann, re billing !");
  });
});
