import { describe, expect, it } from "vitest";
import { runFlow } from "./run";
import { mustValidate, sampleDoc, withSteps } from "./test-fixtures";

const now = new Date("2026-03-10T15:00:00Z");
const flow = mustValidate(sampleDoc());

/** Source data for an ordinary caller on a weekday at 11:00, nobody on duty. */
function data(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caller: { vip: false, blocked: false },
    attribution: { channel: "organic" },
    schedule: { on_duty: { voice: [] } },
    geo: { region: "US-NY" },
    clock: { weekday: "tue", hour: 11, minute: 0, holiday: false },
    vip_list: { listed: false },
    crm: { tier: "standard" },
    ...overrides,
  };
}

const defaultDial = {
  kind: "dial",
  target: { kind: "numbers", numbers: ["+14155550100"] },
  mode: "simultaneous",
  timeoutS: 30,
  record: false,
  callerId: "+14155550199",
};

describe("runFlow over each source", () => {
  it("dials the VIP desk for a caller flagged VIP, recording the trace", () => {
    const { decision, trace } = runFlow(flow, data({ caller: { vip: true, blocked: false } }), {
      now,
    });
    expect(decision.action).toEqual({
      kind: "dial",
      target: { kind: "numbers", numbers: ["+14155550101"] },
      mode: "simultaneous",
      timeoutS: 20,
      record: true,
      whisper: "VIP caller",
      resume: { fromStep: "vip", attempt: 1 },
    });
    expect(trace).toEqual([
      { step: "blocked", event: "condition", value: false, detail: "caller.blocked is false" },
      { step: "blocked", event: "skipped", detail: 'continuing at "vip"' },
      {
        step: "vip",
        event: "condition",
        value: true,
        detail: "caller.vip || vip_list.listed || crm.tier == 'gold' is true",
      },
      { step: "vip", event: "action", detail: "dial +14155550101" },
    ]);
  });

  it("hangs up on a blocked caller", () => {
    const { decision } = runFlow(flow, data({ caller: { vip: false, blocked: true } }), { now });
    expect(decision.action).toEqual({ kind: "hangup" });
  });

  it("treats a caller on the VIP table as VIP", () => {
    const { decision } = runFlow(flow, data({ vip_list: { listed: true } }), { now });
    expect(decision.action).toMatchObject({ resume: { fromStep: "vip" } });
  });

  it("uses the http source's fallback when the server has no data for it", () => {
    const gold = runFlow(flow, data({ crm: { tier: "gold" } }), { now });
    expect(gold.decision.action).toMatchObject({ resume: { fromStep: "vip" } });
    const { crm: _, ...withoutCrm } = data();
    const fellBack = runFlow(flow, withoutCrm, { now });
    expect(fellBack.trace[0]).toEqual({
      step: "",
      event: "source_fallback",
      detail: 'source "crm" has no data; using its fallback',
    });
    expect(fellBack.decision.action.kind).toBe("menu");
    expect(fellBack.decision.fallback).toBe(false);
  });

  it("tags paid-search calls from attribution", () => {
    const { decision } = runFlow(flow, data({ attribution: { channel: "paid_search" } }), { now });
    expect(decision.tags).toEqual({ lead: "ppc" });
  });

  it("sends west-coast callers to the west group by geo", () => {
    const { decision } = runFlow(flow, data({ geo: { region: "US-CA" } }), { now });
    expect(decision.action).toMatchObject({
      kind: "dial",
      target: { kind: "group", groupId: "grp_west" },
    });
  });

  it("offers the menu in business hours and says closed outside them", () => {
    const open = runFlow(flow, data(), { now });
    expect(open.decision.action).toEqual({
      kind: "menu",
      prompt: "Press 1 for sales, 2 for support.",
      digits: ["1", "2"],
      speech: true,
      timeoutS: 5,
      resume: { fromStep: "hours", attempt: 1 },
    });
    const closed = runFlow(flow, data({ clock: { weekday: "sat", hour: 11 } }), { now });
    expect(closed.decision.prelude).toEqual([{ kind: "say", text: "We are closed." }]);
    expect(closed.decision.action).toEqual({
      kind: "voicemail",
      to: { kind: "webhook", url: "https://crm.example.com/voicemail" },
    });
  });

  it("routes to whoever the schedule lists on duty", () => {
    const schedule = { on_duty: { voice: [{ agent_id: "agt_1", contact: "+14155550111" }] } };
    const { decision } = runFlow(flow, data({ schedule }), { now, fromStep: "hours", digits: "2" });
    expect(decision.action).toMatchObject({
      kind: "dial",
      target: { kind: "numbers", numbers: ["+14155550111"] },
      resume: { fromStep: "support", attempt: 1 },
    });
  });
});

describe("runFlow across callbacks", () => {
  it("forwards non-voice on-duty routing as a notification and carries on", () => {
    const sms = mustValidate(
      withSteps({
        notify: { route_on_duty: { channel_type: "sms" }, next: "thanks" },
        thanks: { say: { text: "Someone will text you back." } },
      }),
    );
    const schedule = { on_duty: { sms: [{ agent_id: "agt_1", contact: "+14155550111" }] } };
    const { decision } = runFlow(sms, { schedule }, { now });
    expect(decision).toEqual({
      prelude: [{ kind: "say", text: "Someone will text you back." }],
      action: { kind: "hangup" },
      tags: {},
      webhooks: [],
      forwards: [{ channelType: "sms", contacts: ["+14155550111"] }],
      fallback: false,
    });
  });

  it("continues after a menu digit or a spoken digit", () => {
    const pressed = runFlow(flow, data(), { now, fromStep: "hours", attempt: 1, digits: "1" });
    expect(pressed.decision.action).toMatchObject({
      kind: "dial",
      mode: "sequential",
      resume: { fromStep: "sales" },
    });
    expect(pressed.trace[0]).toEqual({
      step: "hours",
      event: "input",
      detail: 'caller chose 1; continuing at "sales"',
    });
    const said = runFlow(flow, data(), { now, fromStep: "hours", speech: "Sales please, one" });
    expect(said.decision.action).toMatchObject({ resume: { fromStep: "sales" } });
  });

  it("re-prompts a self-looping menu, then dials the default target", () => {
    const again = runFlow(flow, data(), { now, fromStep: "hours", attempt: 1 });
    expect(again.decision.action).toMatchObject({
      kind: "menu",
      resume: { fromStep: "hours", attempt: 2 },
    });
    const third = runFlow(flow, data(), { now, fromStep: "hours", attempt: 2, digits: "7" });
    expect(third.decision.action).toMatchObject({ kind: "menu", resume: { attempt: 3 } });
    const givenUp = runFlow(flow, data(), { now, fromStep: "hours", attempt: 3 });
    expect(givenUp.decision.action).toEqual(defaultDial);
    expect(givenUp.trace[0]).toEqual({
      step: "hours",
      event: "error",
      detail: "no input after 3 prompts",
    });
  });

  it("goes to on_no_answer after an unanswered dial and ends after an answered one", () => {
    const missed = runFlow(flow, data(), { now, fromStep: "sales", dialStatus: "no_answer" });
    expect(missed.decision.action).toEqual({
      kind: "voicemail",
      to: { kind: "email", email: "team@example.com" },
    });
    const answered = runFlow(flow, data(), { now, fromStep: "sales", dialStatus: "answered" });
    expect(answered.decision.action).toEqual({ kind: "hangup" });
  });

  it("falls to the next step when nobody is on duty", () => {
    const { decision, trace } = runFlow(flow, data({ schedule: { on_duty: { voice: [] } } }), {
      now,
      fromStep: "hours",
      digits: "2",
    });
    expect(trace.map((t) => `${t.step}:${t.event}`)).toEqual([
      "hours:input",
      "support:condition",
      "support:skipped",
      "mailbox:action",
    ]);
    expect(decision.action.kind).toBe("voicemail");
  });
});

describe("runFlow failures dial the default target", () => {
  it("on a condition that fails to evaluate", () => {
    const { decision, trace } = runFlow(flow, data({ caller: {} }), { now });
    expect(decision.action).toEqual(defaultDial);
    expect(decision.fallback).toBe(true);
    expect(trace).toEqual([
      { step: "blocked", event: "error", detail: "condition failed: No such key: blocked" },
      {
        step: "blocked",
        event: "default_target",
        detail: "dialing the default target after an error",
      },
    ]);
  });

  it("on a condition that is not a bool", () => {
    const { decision, trace } = runFlow(flow, data({ caller: { blocked: "yes" } }), { now });
    expect(decision.action).toEqual(defaultDial);
    expect(trace[0]).toEqual({
      step: "blocked",
      event: "error",
      detail: "condition returned string, not a bool",
    });
  });

  it("on a resume at an unknown step or malformed schedule data", () => {
    expect(runFlow(flow, data(), { now, fromStep: "gone" }).decision.action).toEqual(defaultDial);
    const bad = runFlow(flow, data({ schedule: { on_duty: { voice: [{ contact: "555" }] } } }), {
      now,
      fromStep: "hours",
      digits: "2",
    });
    expect(bad.decision.fallback).toBe(true);
    expect(bad.trace.find((t) => t.event === "error")?.step).toBe("support");
  });

  it("when the flow ends without a call action", () => {
    const tagOnly = mustValidate(withSteps({ a: { set: { tags: { seen: "yes" } } } }));
    const { decision, trace } = runFlow(tagOnly, {}, { now });
    expect(decision).toMatchObject({ action: defaultDial, tags: { seen: "yes" } });
    expect(trace.at(-1)).toEqual({
      step: "",
      event: "default_target",
      detail: "flow ended without a call action",
    });
  });

  it("when nobody is on duty and route_on_duty has no fallback link", () => {
    const onDutyOnly = mustValidate(withSteps({ a: { route_on_duty: { channel_type: "voice" } } }));
    const { decision, trace } = runFlow(
      onDutyOnly,
      { schedule: { on_duty: { voice: [] } } },
      { now },
    );
    expect(decision.action).toEqual(defaultDial);
    expect(trace.filter((t) => t.step === "a").map((t) => t.detail)).toEqual([
      "nobody on duty for voice",
      "nobody on duty and no on_no_answer step",
      "dialing the default target after an error",
    ]);
  });

  it("bounds a hand-built looping flow", () => {
    const loop = mustValidate(withSteps({ a: { say: { text: "hi" } } }));
    const looping = {
      ...loop,
      steps: { a: { ...loop.steps.a, id: "a", next: "a" } },
    } as typeof loop;
    const { decision, trace } = runFlow(looping, {}, { now });
    expect(decision.fallback).toBe(true);
    expect(trace.at(-2)).toEqual({ step: "a", event: "error", detail: "stopped after 64 steps" });
  });
});
