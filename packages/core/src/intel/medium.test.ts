import { describe, expect, it } from "vitest";
import { chooseMedium, type MediumAttempt, type MediumInput } from "./medium";

const times = (medium: MediumAttempt["medium"], answered: boolean, n: number): MediumAttempt[] =>
  Array.from({ length: n }, () => ({ medium, answered }));

const ignoresCallbacks = times("callback", false, 4);
const answersSms = times("sms", true, 3);

describe("chooseMedium", () => {
  const cases: [string, MediumInput, string, string][] = [
    ["billing call -> email", { subject: "billing", channel: "call" }, "email", "subject_default"],
    [
      "sales call -> callback",
      { subject: "sales", channel: "call" },
      "callback",
      "subject_default",
    ],
    [
      "scheduling call -> sms",
      { subject: "scheduling", channel: "call" },
      "sms",
      "subject_default",
    ],
    ["support chat -> chat", { subject: "support", channel: "chat" }, "chat", "same_channel"],
    ["billing sms -> sms", { subject: "billing", channel: "sms" }, "sms", "same_channel"],
    ["web form -> email", { subject: "sales", channel: "web_form" }, "email", "same_channel"],
    [
      "complaint by sms -> callback",
      { subject: "complaint", channel: "sms" },
      "callback",
      "subject_default",
    ],
    [
      "cancellation by email -> callback",
      { subject: "cancellation", channel: "email" },
      "callback",
      "subject_default",
    ],
    [
      "urgent billing email -> callback",
      { subject: "billing", channel: "email", urgency: "high" },
      "callback",
      "urgent",
    ],
    [
      "urgent but ignores callbacks",
      { subject: "billing", channel: "email", urgency: "high", history: ignoresCallbacks },
      "email",
      "same_channel",
    ],
    [
      "complaint, ignores callbacks -> email",
      { subject: "complaint", channel: "call", history: ignoresCallbacks },
      "email",
      "subject_default",
    ],
    [
      "billing call, answers sms -> sms",
      { subject: "billing", channel: "call", history: answersSms },
      "sms",
      "customer_preference",
    ],
    [
      "writes by email, answers sms -> email",
      { subject: "support", channel: "email", history: answersSms },
      "email",
      "same_channel",
    ],
    [
      "two answers of three is not enough",
      {
        subject: "billing",
        channel: "call",
        history: [...times("sms", true, 2), ...times("sms", false, 1)],
      },
      "email",
      "subject_default",
    ],
    [
      "unknown subject on a call -> callback",
      { subject: "warranty", channel: "call" },
      "callback",
      "subject_default",
    ],
    [
      "chat preference without a chat -> default",
      { subject: "sales", channel: "call", history: times("chat", true, 3) },
      "callback",
      "subject_default",
    ],
    [
      "ignores everything -> first choice",
      {
        subject: "sales",
        channel: "call",
        history: [...ignoresCallbacks, ...times("email", false, 3), ...times("sms", false, 3)],
      },
      "callback",
      "fallback",
    ],
  ];
  it.each(cases)("%s", (_name, input, medium, rule) => {
    const choice = chooseMedium(input);
    expect({ medium: choice.medium, rule: choice.rule }).toEqual({ medium, rule });
    expect(choice.reason).not.toBe("");
  });

  it("names what it skipped", () => {
    expect(
      chooseMedium({ subject: "complaint", channel: "call", history: ignoresCallbacks }).reason,
    ).toBe("email suits complaint (customer ignores callback)");
  });
});
