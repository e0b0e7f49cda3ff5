import { describe, expect, it } from "vitest";
import type { InteractionChannel } from "./medium";
import { MODELS, modelsFor } from "./registry";

describe("modelsFor", () => {
  const cases: [InteractionChannel, boolean, boolean, string[]][] = [
    ["call", true, true, ["spam", "subject", "sentiment", "intent_rules"]],
    ["call", false, true, ["spam", "intent_rules"]],
    ["call", true, false, ["subject", "sentiment", "intent_rules"]],
    ["sms", true, false, ["subject", "sentiment", "intent_rules"]],
    ["email", false, false, ["intent_rules"]],
    ["chat", true, false, ["subject", "sentiment", "intent_rules"]],
    ["web_form", true, false, ["subject", "sentiment", "intent_rules"]],
    ["sms", true, true, ["subject", "sentiment", "intent_rules"]],
  ];
  it.each(cases)("%s text=%s call=%s", (channel, hasText, isCall, expected) => {
    expect(modelsFor({ channel, hasText, isCall }).map((m) => m.id)).toEqual(expected);
  });

  it("declares each model once with a description", () => {
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
    for (const model of MODELS) expect(model.description.length).toBeGreaterThan(10);
  });

  it("selects from a custom registry", () => {
    const custom = [
      {
        id: "spam" as const,
        channels: ["sms" as const],
        inputs: ["text" as const],
        description: "sms spam filter",
      },
    ];
    expect(modelsFor({ channel: "sms", hasText: true, isCall: false }, custom)).toEqual(custom);
  });
});
