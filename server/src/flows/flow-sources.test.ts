import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLER,
  type CarrierTenant,
  freshCallSid,
  postTelnyx,
  postTwilio,
  telnyxKeys,
  twilioTenant,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { type LocalServer, startLocalServer } from "../testing/local-server";
import { actionUrl, postCallback, routeThroughFlow, traceOf } from "./flow-testing";

const VOICE = "/v1/carriers/twilio/voice";
const AGENT_LINE = "+12125550142";
const VIP_DESK = "+12125550101";
const MAIN = "+12125550100";
const RETENTION = "+12125550160";
const SUPPORT = "+12125550170";
const FALLBACK = "+12125550190";
/** The test clock: Tuesday 2026-11-24 10:00 in New York. */
const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

let env: TestEnv;
let crm: LocalServer;

beforeAll(async () => {
  env = await createTestEnv({ loopbackHttp: true });
  crm = await startLocalServer(async (req, res) => {
    if (req.path.startsWith("/slow")) {
      await new Promise((r) => setTimeout(r, 1000));
      if (res.destroyed) return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        tier: "platinum",
        phone: decodeURIComponent(req.path.split("/").at(-1) ?? ""),
      }),
    );
  });
});
afterAll(async () => {
  await crm.close();
  env.close();
});

async function tenantWithCrm(): Promise<CarrierTenant> {
  const tenant = await twilioTenant(env);
  const allowed = await call(env, "POST", "/v1/http-allow-list", {
    key: tenant.admin,
    body: { origin: crm.origin },
  });
  expect(allowed.status).toBe(201);
  return tenant;
}

async function onDutyAgent(tenant: CarrierTenant) {
  const agent = await call(env, "POST", "/v1/agents", {
    key: tenant.admin,
    body: { name: "Dana", contacts: { voice: AGENT_LINE }, channel_types: ["voice"] },
  });
  const shift = await call(env, "POST", `/v1/agents/${agent.body.id}/shifts`, {
    key: tenant.admin,
    body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
  });
  expect(shift.status, JSON.stringify(shift.body)).toBe(201);
}

const dialed = (twiml: string) =>
  [...twiml.matchAll(/<Number[^>]*>([^<]+)<\/Number>/g)].map((m) => m[1]);

describe("conditions over each data source, at the voice webhook", () => {
  it("reads caller, attribution, schedule, geo, clock, table and http, then routes on duty", async () => {
    const tenant = await tenantWithCrm();
    await onDutyAgent(tenant);
    await call(env, "PUT", `/v1/tables/vip/rows/${encodeURIComponent(CALLER)}`, {
      key: tenant.admin,
      body: { value: { tier: "gold" } },
    });
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: {
        caller: { type: "caller" },
        attribution: { type: "attribution" },
        schedule: { type: "schedule" },
        geo: { type: "geo" },
        clock: { type: "clock", time_zone: "America/New_York" },
        vip: { type: "table", name: "vip", key: "caller_number" },
        crm: {
          type: "http",
          url: `${crm.origin}/customers/{caller_number}`,
          timeout_ms: 500,
          fallback: { tier: "unknown" },
        },
      },
      start: "c_caller",
      steps: {
        c_caller: {
          when: "caller.calls == 0 && !caller.blocked",
          set: { tags: { caller: "new" } },
          next: "c_attr",
        },
        c_attr: {
          when: "!attribution.matched",
          set: { tags: { attribution: "none" } },
          next: "c_duty",
        },
        c_duty: {
          when: "size(schedule.on_duty.voice) > 0",
          set: { tags: { duty: "yes" } },
          next: "c_geo",
        },
        c_geo: { when: "geo.region == 'US-IL'", set: { tags: { geo: "il" } }, next: "c_clock" },
        c_clock: {
          when: "clock.weekday == 'tue' && clock.hour == 10 && !clock.holiday",
          set: { tags: { clock: "tue10" } },
          next: "c_table",
        },
        c_table: {
          when: "vip.listed && vip.value.tier == 'gold'",
          set: { tags: { vip: "gold" } },
          next: "c_http",
        },
        c_http: {
          when: `crm.tier == 'platinum' && crm.phone == '${CALLER}'`,
          set: { tags: { crm: "platinum" } },
          next: "connect",
        },
        connect: { route_on_duty: { channel_type: "voice" } },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(tenant.number, sid), tenant.authToken);
    expect(dialed(await res.text())).toEqual([AGENT_LINE]);
    const [voice] = (await traceOf(env, tenant, sid)).decisions;
    const conditions = voice?.trace.filter((e) => e.event === "condition");
    expect(conditions?.map((e) => [e.step, e.value])).toEqual([
      ["c_caller", true],
      ["c_attr", true],
      ["c_duty", true],
      ["c_geo", true],
      ["c_clock", true],
      ["c_table", true],
      ["c_http", true],
    ]);
    expect(voice?.decision?.tags).toEqual({
      caller: "new",
      attribution: "none",
      duty: "yes",
      geo: "il",
      clock: "tue10",
      vip: "gold",
      crm: "platinum",
    });

    // The same caller again: the caller source now counts the first call.
    const again = freshCallSid();
    await postTwilio(env, VOICE, voiceForm(tenant.number, again), tenant.authToken);
    const second = (await traceOf(env, tenant, again)).decisions[0];
    expect(second?.trace[0]).toMatchObject({ step: "c_caller", event: "condition", value: false });
  });

  it("falls back when the http source times out, and the call still connects", async () => {
    const tenant = await tenantWithCrm();
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: {
        crm: {
          type: "http",
          url: `${crm.origin}/slow/{caller_number}`,
          timeout_ms: 200,
          ttl_s: 0,
          fallback: { tier: "standard" },
        },
      },
      start: "vip",
      steps: {
        vip: { when: "crm.tier == 'platinum'", dial: { to: [VIP_DESK] }, next: "main" },
        main: { dial: { to: [MAIN] } },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(tenant.number, sid), tenant.authToken);
    expect(res.status).toBe(200);
    expect(dialed(await res.text())).toEqual([MAIN]);
    const [voice] = (await traceOf(env, tenant, sid)).decisions;
    expect(voice?.fallback).toBe(false);
    expect(voice?.trace.slice(0, 2)).toEqual([
      {
        step: "",
        event: "source_fallback",
        detail: 'source "crm" failed (timed out after 200 ms); using its fallback',
      },
      {
        step: "",
        event: "source_fallback",
        detail: 'source "crm" has no data; using its fallback',
      },
    ]);
  });

  it("sends the call to the default target when a condition fails at run time", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: { caller: { type: "caller" } },
      start: "a",
      steps: { a: { when: "caller.no_such_field == 1", hangup: {} } },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(tenant.number, sid), tenant.authToken);
    expect(dialed(await res.text())).toEqual([FALLBACK]);
    const [voice] = (await traceOf(env, tenant, sid)).decisions;
    expect(voice?.fallback).toBe(true);
    expect(voice?.trace.map((e) => e.event)).toEqual(["error", "default_target"]);
  });

  it("forwards to the number's target when the active flow no longer validates", async () => {
    const tenant = await tenantWithCrm();
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: { crm: { type: "http", url: `${crm.origin}/c`, fallback: {} } },
      start: "a",
      steps: { a: { when: "crm.x == 1", hangup: {} } },
      default_target: { to: [FALLBACK] },
    });
    await call(env, "DELETE", `/v1/http-allow-list?origin=${encodeURIComponent(crm.origin)}`, {
      key: tenant.admin,
    });
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(tenant.number, sid), tenant.authToken);
    expect(dialed(await res.text())).toEqual(["+14155550199"]);
    const [voice] = (await traceOf(env, tenant, sid)).decisions;
    expect(voice?.fallback).toBe(true);
    expect(voice?.trace[0]?.detail).toBe(
      `flow does not validate now (sources.crm.url: host ${crm.origin} is not on the account's allow-list); forwarding to the number's target`,
    );
  });
});

describe("sentiment routing", () => {
  const MENU = {
    version: 1,
    sources: { caller: { type: "caller" } },
    start: "menu",
    steps: {
      menu: {
        menu: {
          prompt: "Press 1 for sales, or tell us why you are calling.",
          digits: { "1": "sales" },
          speech: true,
          no_input: "triage",
        },
      },
      sales: { dial: { to: [MAIN] } },
      triage: {
        when: "caller.sentiment.total < -0.3",
        dial: { to: [RETENTION] },
        next: "support",
      },
      support: { dial: { to: [SUPPORT] } },
    },
    default_target: { to: [FALLBACK] },
  };

  async function speak(tenant: CarrierTenant, from: string, speech: string, confidence: string) {
    const sid = freshCallSid();
    const form = voiceForm(tenant.number, sid, { From: from, Caller: from });
    const menu = await (await postTwilio(env, VOICE, form, tenant.authToken)).text();
    expect(menu).toContain('input="dtmf speech"');
    const res = await postCallback(
      env,
      actionUrl(menu),
      { ...form, CallStatus: "in-progress", SpeechResult: speech, Confidence: confidence },
      tenant.authToken,
    );
    return { sid, twiml: await res.text() };
  }

  it("routes an angry caller to retention and a calm one to support", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, MENU);
    const angry = await speak(
      tenant,
      "+13125550101",
      "This is terrible, I am furious about my bill",
      "0.92",
    );
    expect(dialed(angry.twiml)).toEqual([RETENTION]);
    const calm = await speak(tenant, "+13125550102", "Hi, I have a question about my bill", "0.92");
    expect(dialed(calm.twiml)).toEqual([SUPPORT]);
    const stored = await env.database.client.execute({
      sql: "SELECT speech_sentiment, speech_confidence FROM calls WHERE carrier_call_id = ?",
      args: [angry.sid],
    });
    expect(Number(stored.rows[0]?.speech_sentiment)).toBeLessThan(-0.5);
    expect(Number(stored.rows[0]?.speech_confidence)).toBe(0.92);
  });

  it("combines the caller's angry history with a calm call, and a low-confidence rant barely counts", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, MENU);
    const from = "+13125550103";
    await speak(tenant, from, "Awful, useless, I hate this, terrible service", "0.95");
    env.clock.advance(86_400_000);
    // Today's words are neutral, but yesterday's anger still weighs: retention.
    const next = await speak(tenant, from, "I have a question about my bill", "0.9");
    expect(dialed(next.twiml)).toEqual([RETENTION]);
    const trace = (await traceOf(env, tenant, next.sid)).decisions[1]?.trace;
    expect(trace?.find((e) => e.step === "triage")).toMatchObject({
      event: "condition",
      value: true,
    });

    // A calm caller whose rant today was barely recognised (confidence 0.05) stays calm.
    const calmFrom = "+13125550104";
    await speak(tenant, calmFrom, "Thank you, great service, I love it", "0.95");
    env.clock.advance(86_400_000);
    const unsure = await speak(tenant, calmFrom, "terrible awful furious", "0.05");
    expect(dialed(unsure.twiml)).toEqual([SUPPORT]);
  });
});

describe("Telnyx TeXML", () => {
  it("renders the menu as TeXML and continues on a signed callback", async () => {
    const tenant = await twilioTenant(env);
    const keys = telnyxKeys();
    await call(env, "PUT", "/v1/carriers/telnyx/credentials", {
      key: tenant.admin,
      body: { public_key: keys.publicKey },
    });
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: {},
      start: "menu",
      steps: {
        menu: { menu: { prompt: "Press 1.", digits: { "1": "main" } }, next: "main" },
        main: { dial: { to: [MAIN] } },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = `v3:${freshCallSid()}`;
    const fields = {
      AccountSid: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
      CallSid: sid,
      CallStatus: "ringing",
      Direction: "inbound",
      From: CALLER,
      To: tenant.number,
    };
    const voice = await postTelnyx(
      env,
      "/v1/carriers/telnyx/voice",
      new URLSearchParams(fields).toString(),
      keys,
    );
    const menu = await voice.text();
    expect(menu).toContain('<Gather input="dtmf"');
    const url = new URL(actionUrl(menu));
    const body = new URLSearchParams({
      ...fields,
      CallStatus: "in-progress",
      Digits: "1",
    }).toString();
    const res = await postTelnyx(env, `${url.pathname}${url.search}`, body, keys);
    expect(res.status).toBe(200);
    expect(dialed(await res.text())).toEqual([MAIN]);
  });
});
