import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLER,
  type CarrierTenant,
  freshCallSid,
  postTwilio,
  storedCalls,
  twilioTenant,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { actionUrl, postCallback, routeThroughFlow, traceOf } from "./flow-testing";

const { VoiceResponse } = twilio.twiml;
const VOICE = "/v1/carriers/twilio/voice";
const VIP_DESK = "+12125550101";
const SALES = ["+12125550111", "+12125550112"] as const;
const FALLBACK = "+12125550190";

/** A menu flow: VIPs ring their desk; others choose sales (rung in order) or support. */
const MENU_FLOW = {
  version: 1,
  sources: { vip_list: { type: "table", name: "vip", key: "caller_number" } },
  start: "vip",
  steps: {
    vip: { when: "vip_list.listed", dial: { to: [VIP_DESK], timeout_s: 20 }, next: "menu" },
    menu: {
      menu: {
        prompt: "Press 1 for sales, 2 for support.",
        digits: { "1": "sales", "2": "support" },
        no_input: "menu",
        max_attempts: 2,
      },
    },
    sales: { dial: { to: [...SALES], mode: "sequential", timeout_s: 15 }, on_no_answer: "bye" },
    support: { say: { text: "Support is closed today." }, next: "bye" },
    bye: { say: { text: "Goodbye." } },
  },
  default_target: { to: [FALLBACK] },
};

let env: TestEnv;
let owner: CarrierTenant;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await twilioTenant(env);
  await routeThroughFlow(env, owner, MENU_FLOW);
});
afterAll(() => env.close());

describe("a call flow through signed Twilio webhooks", () => {
  it("prompts a menu, continues on the pressed digit and rings sales in order", async () => {
    const sid = freshCallSid();
    const voice = await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken);
    expect(voice.status).toBe(200);
    const menu = await voice.text();
    const menuUrl = actionUrl(menu);
    expect(menuUrl).toMatch(/^http:\/\/localhost\/v1\/carriers\/twilio\/flow\?s=[\w-]+$/);
    const expectedMenu = new VoiceResponse();
    expectedMenu
      .gather({ input: ["dtmf"], action: menuUrl, method: "POST", timeout: 5, numDigits: 1 })
      .say("Press 1 for sales, 2 for support.");
    expectedMenu.redirect({ method: "POST" }, menuUrl);
    expect(menu).toBe(expectedMenu.toString());

    // The caller presses 1: the first sales number rings, with its own action URL.
    const pressed = await postCallback(
      env,
      menuUrl,
      { ...voiceForm(owner.number, sid), CallStatus: "in-progress", Digits: "1" },
      owner.authToken,
    );
    expect(pressed.status).toBe(200);
    const first = await pressed.text();
    expect(first).toContain(`<Number>${SALES[0]}</Number>`);
    expect(first).not.toContain(SALES[1]);

    // Nobody answers: the second number rings next.
    const noAnswer = await postCallback(
      env,
      actionUrl(first),
      { ...voiceForm(owner.number, sid), CallStatus: "in-progress", DialCallStatus: "no-answer" },
      owner.authToken,
    );
    const second = await noAnswer.text();
    expect(second).toContain(`<Number>${SALES[1]}</Number>`);

    // Nobody answers there either: the flow moves on to its goodbye.
    const last = await postCallback(
      env,
      actionUrl(second),
      { ...voiceForm(owner.number, sid), CallStatus: "in-progress", DialCallStatus: "no-answer" },
      owner.authToken,
    );
    const goodbye = new VoiceResponse();
    goodbye.say("Goodbye.");
    goodbye.hangup();
    expect(await last.text()).toBe(goodbye.toString());

    const { decisions } = await traceOf(env, owner, sid);
    expect(decisions.map((d) => d.stage.slice(0, 3))).toEqual(["voi", "cb:", "cb:", "cb:"]);
    expect(decisions.every((d) => !d.fallback)).toBe(true);
    expect(decisions[0]?.trace).toEqual([
      { step: "vip", event: "condition", value: false, detail: "vip_list.listed is false" },
      { step: "vip", event: "skipped", detail: 'continuing at "menu"' },
      { step: "menu", event: "action", detail: "menu, attempt 1" },
    ]);
    expect(decisions[1]?.trace).toEqual([
      { step: "menu", event: "input", detail: 'caller chose 1; continuing at "sales"' },
      { step: "sales", event: "action", detail: `dial ${SALES.join(", ")}` },
    ]);
    expect(decisions[2]?.trace).toEqual([
      { step: "sales", event: "action", detail: `no answer; ringing ${SALES[1]} next` },
    ]);
    expect(decisions[3]?.trace[0]).toEqual({
      step: "sales",
      event: "input",
      detail: 'no answer; continuing at "bye"',
    });
  });

  it("routes a caller on the account's VIP table to the VIP desk", async () => {
    await call(env, "PUT", `/v1/tables/vip/rows/${encodeURIComponent(CALLER)}`, {
      key: owner.admin,
      body: { value: { name: "Ada" } },
    });
    const sid = freshCallSid();
    const voice = await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken);
    expect(await voice.text()).toContain(`<Number>${VIP_DESK}</Number>`);
    await call(env, "DELETE", `/v1/tables/vip/rows/${encodeURIComponent(CALLER)}`, {
      key: owner.admin,
    });
  });

  it("gives a retried voice webhook the same reply, one call row and one trace", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid);
    const a = await (await postTwilio(env, VOICE, form, owner.authToken)).text();
    const b = await (await postTwilio(env, VOICE, form, owner.authToken)).text();
    expect(b).toBe(a);
    expect(await storedCalls(env, sid)).toHaveLength(1);
    expect((await traceOf(env, owner, sid)).decisions).toHaveLength(1);
  });

  it("refuses a callback with a forged signature and stores nothing", async () => {
    const sid = freshCallSid();
    const menu = await (
      await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken)
    ).text();
    const res = await postCallback(
      env,
      actionUrl(menu),
      { ...voiceForm(owner.number, sid), Digits: "1" },
      "not-the-auth-token",
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_signature");
    expect((await traceOf(env, owner, sid)).decisions).toHaveLength(1);
  });

  it("forwards a signed callback whose resume state was altered, instead of dropping it", async () => {
    const sid = freshCallSid();
    const menu = await (
      await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken)
    ).text();
    const url = actionUrl(menu);
    const tampered = `${url.slice(0, -4)}AAAA`;
    const res = await postCallback(
      env,
      tampered,
      { ...voiceForm(owner.number, sid), Digits: "1" },
      owner.authToken,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Number>+14155550199</Number>");
  });

  it("does not open another call's resume state", async () => {
    const sidA = freshCallSid();
    const sidB = freshCallSid();
    const menuA = await (
      await postTwilio(env, VOICE, voiceForm(owner.number, sidA), owner.authToken)
    ).text();
    await postTwilio(env, VOICE, voiceForm(owner.number, sidB), owner.authToken);
    const res = await postCallback(
      env,
      actionUrl(menuA),
      { ...voiceForm(owner.number, sidB), Digits: "1" },
      owner.authToken,
    );
    // B's callback with A's state is not resumed: B is forwarded, and A's trace is untouched.
    expect(await res.text()).toContain("<Number>+14155550199</Number>");
    expect((await traceOf(env, owner, sidA)).decisions).toHaveLength(1);
  });

  it("re-prompts on no input, then gives up to the default target", async () => {
    const sid = freshCallSid();
    const form = { ...voiceForm(owner.number, sid), CallStatus: "in-progress" };
    const menu = await (
      await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken)
    ).text();
    const again = await (await postCallback(env, actionUrl(menu), form, owner.authToken)).text();
    expect(again).toContain("<Gather");
    const gaveUp = await (await postCallback(env, actionUrl(again), form, owner.authToken)).text();
    expect(gaveUp).toContain(`<Number>${FALLBACK}</Number>`);
    const { decisions } = await traceOf(env, owner, sid);
    expect(decisions.at(-1)?.fallback).toBe(true);
  });
});
