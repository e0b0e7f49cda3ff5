import { describe, expect, it } from "vitest";
import { applyRules, compileRules, type RuleFacts } from "./rules";

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  text: "my power is out since this morning",
  channel: "sms",
  subject: "support",
  sentiment: -0.4,
  metadata: { plan: "gold" },
  customer: { interactions: 3 },
  ...over,
});

describe("CEL intent and urgency rules", () => {
  it("refuses rules that do not parse, are not bool, use matches() or set nothing", () => {
    expect(compileRules([{ name: "a", when: "text.contains(", intent: "x" }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('rule "a"'),
    });
    expect(compileRules([{ name: "b", when: "sentiment + 1.0", intent: "x" }])).toEqual({
      ok: false,
      message: 'rule "b" must be a bool, not double',
    });
    expect(compileRules([{ name: "c", when: 'text.matches("a+")', intent: "x" }])).toEqual({
      ok: false,
      message: 'rule "c": matches() is not allowed',
    });
    expect(compileRules([{ name: "d", when: "true" }])).toEqual({
      ok: false,
      message: 'rule "d" sets neither intent nor urgency',
    });
    expect(compileRules([{ name: "e", when: "unknown_var == 1", intent: "x" }]).ok).toBe(false);
  });

  it("first matching rule wins intent and urgency separately; failures are reported", () => {
    const compiled = compileRules([
      { name: "outage", when: 'text.contains("power is out")', intent: "outage" },
      { name: "angry", when: "sentiment < -0.3", urgency: "high" },
      { name: "gold", when: 'metadata.plan == "gold"', intent: "vip", urgency: "low" },
      { name: "broken", when: "metadata.missing.deep == 1", intent: "never" },
      { name: "regular", when: "customer.interactions >= 3", urgency: "low" },
    ]);
    if (!compiled.ok) throw new Error(compiled.message);
    const outcome = applyRules(compiled.rules, facts());
    expect(outcome.intent).toBe("outage");
    expect(outcome.urgency).toBe("high");
    expect(outcome.matched).toEqual(["outage", "angry", "gold", "regular"]);
    expect(outcome.errors.map((e) => e.rule)).toEqual(["broken"]);
    const calm = applyRules(compiled.rules, facts({ text: "hello", sentiment: 0.5 }));
    expect(calm).toMatchObject({ intent: "vip", urgency: "low", matched: ["gold", "regular"] });
  });
});
