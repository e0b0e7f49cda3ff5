import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWorker } from "../jobs/index";
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
import { startLocalServer } from "../testing/local-server";
import { actionUrl, postCallback, routeThroughFlow, traceOf } from "./flow-testing";

const VOICE = "/v1/carriers/twilio/voice";
const MAIN = "+12125550100";
const RETENTION = "+12125550160";
const SUPPORT = "+12125550170";
const FALLBACK = "+12125550190";
/** The test clock: Tuesday 2026-11-24 10:00 in New York. */
const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

let env: TestEnv;

beforeAll(async () => {
  // Webhook steps call a local receiver over plain http, which only loopback mode allows.
  env = await createTestEnv({ loopbackHttp: true });
});
afterAll(() => env.close());

const dialed = (twiml: string) =>
  [...twiml.matchAll(/<Number[^>]*>([^<]+)<\/Number>/g)].map((m) => m[1]);

describe("route_on_duty for other channels in a call", () => {
  it("queues an SMS to the on-duty SMS agent (once, even on a retry) and connects the caller", async () => {
    const tenant = await twilioTenant(env);
    const agent = await call(env, "POST", "/v1/agents", {
      key: tenant.admin,
      body: { name: "Sam", contacts: { sms: "+12125550144" }, channel_types: ["sms"] },
    });
    await call(env, "POST", `/v1/agents/${agent.body.id}/shifts`, {
      key: tenant.admin,
      body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
    });
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: { schedule: { type: "schedule" } },
      start: "notify",
      steps: {
        notify: { route_on_duty: { channel_type: "sms" }, next: "connect" },
        connect: { dial: { to: [MAIN] } },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const form = voiceForm(tenant.number, sid);
    const res = await postTwilio(env, VOICE, form, tenant.authToken);
    expect(dialed(await res.text())).toEqual([MAIN]);
    await postTwilio(env, VOICE, form, tenant.authToken);
    const jobs = await env.database.client.execute({
      sql: "SELECT payload FROM jobs WHERE kind = 'sms.send' AND payload LIKE ?",
      args: [`%${tenant.account}%`],
    });
    expect(jobs.rows.map((r) => JSON.parse(String(r.payload)))).toEqual([
      {
        account_id: tenant.account,
        carrier: "twilio",
        from: tenant.number,
        to: "+12125550144",
        body: `Call from ${CALLER} to ${tenant.number}`,
        request_id: null,
      },
    ]);
  });
});

describe("voicemail", () => {
  it("hands the recording to the account's webhooks with the flow's destination, once", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, {
      version: 1,
      sources: {},
      start: "closed",
      steps: {
        closed: { say: { text: "We are closed." }, next: "mailbox" },
        mailbox: { voicemail: { to: { email: "team@example.com" } } },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const voice = await postTwilio(env, VOICE, voiceForm(tenant.number, sid), tenant.authToken);
    expect(await voice.text()).toContain("<Record action=");
    const recording = {
      ...voiceForm(tenant.number, sid),
      CallStatus: "in-progress",
      RecordingStatus: "completed",
      RecordingSid: "RE0123",
      RecordingUrl: "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE0123",
      RecordingDuration: "14",
    };
    for (let i = 0; i < 2; i++) {
      const res = await postTwilio(env, "/v1/carriers/twilio/status", recording, tenant.authToken);
      expect(res.status).toBe(200);
    }
    const jobs = await env.database.client.execute({
      sql: "SELECT payload FROM jobs WHERE payload LIKE '%voicemail.recorded%' AND payload LIKE ?",
      args: [`%${tenant.account}%`],
    });
    expect(jobs.rows).toHaveLength(1);
    const payload = JSON.parse(String(jobs.rows[0]?.payload));
    expect(payload).toMatchObject({
      event: "voicemail.recorded",
      data: {
        from: CALLER,
        to: tenant.number,
        deliver_to: { kind: "email", email: "team@example.com" },
        recording_url: recording.RecordingUrl,
        recording_duration_s: 14,
      },
    });
  });
});

describe("webhook steps", () => {
  it("post the call, signed, to a registered endpoint; other URLs are traced and skipped", async () => {
    const receiver = await startLocalServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    try {
      const tenant = await twilioTenant(env);
      const endpoint = await call(env, "POST", "/v1/webhook-endpoints", {
        key: tenant.admin,
        body: { url: `${receiver.origin}/calls`, events: ["call.flow_webhook"] },
      });
      expect(endpoint.status).toBe(201);
      await routeThroughFlow(env, tenant, {
        version: 1,
        sources: {},
        start: "tag",
        steps: {
          tag: { set: { tags: { lead: "ppc" } }, next: "crm" },
          crm: { webhook: { url: `${receiver.origin}/calls` }, next: "other" },
          other: { webhook: { url: `${receiver.origin}/unregistered` }, next: "connect" },
          connect: { dial: { to: [MAIN] } },
        },
        default_target: { to: [FALLBACK] },
      });
      const sid = freshCallSid();
      const form = voiceForm(tenant.number, sid);
      const res = await postTwilio(env, VOICE, form, tenant.authToken);
      expect(dialed(await res.text())).toEqual([MAIN]);
      await postTwilio(env, VOICE, form, tenant.authToken);
      const worker = createJobWorker(env.services, { backoffMs: 60_000, maxAttempts: 3 });
      for (let i = 0; i < 5 && (await worker.runOnce()) > 0; i++);
      expect(receiver.received.map((r) => r.path)).toEqual(["/calls"]);
      const delivered = receiver.received[0];
      const payload = new Webhook(endpoint.body.secret).verify(
        delivered?.body ?? "",
        delivered?.headers as Record<string, string>,
      );
      expect(payload).toMatchObject({
        type: "call.flow_webhook",
        data: { from: CALLER, to: tenant.number, tags: { lead: "ppc" } },
      });
      const trace = (await traceOf(env, tenant, sid)).decisions[0]?.trace;
      expect(trace?.at(-1)).toEqual({
        step: "",
        event: "error",
        detail: `webhook ${receiver.origin}/unregistered is not one of the account's webhook endpoints; not sent`,
      });
    } finally {
      await receiver.close();
    }
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

  it("counts the caller's earlier interactions on other channels (an angry SMS) in the history", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, MENU);
    const from = "+13125550105";
    const sms = await call(env, "POST", "/v1/interactions", {
      key: tenant.admin,
      body: {
        channel: "sms",
        customer: { phone: from },
        text: "Terrible, awful service. I am furious and I hate this.",
      },
    });
    expect(sms.status, JSON.stringify(sms.body)).toBe(201);
    env.clock.advance(3_600_000);
    const next = await speak(tenant, from, "I have a question about my bill", "0.9");
    expect(dialed(next.twiml)).toEqual([RETENTION]);
    // Another caller with the same words and no history goes to support.
    const fresh = await speak(tenant, "+13125550106", "I have a question about my bill", "0.9");
    expect(dialed(fresh.twiml)).toEqual([SUPPORT]);
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
