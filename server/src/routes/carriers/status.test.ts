import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, type TestEnv } from "../../testing/app";
import { EMPTY_TWIML, NOBODY_ANSWERED } from "./replies";
import {
  ACCOUNT_SID,
  CALLER,
  type CarrierTenant,
  type Form,
  freshCallSid,
  postTelnyx,
  postTwilio,
  storedCalls,
  telnyxKeys,
  twilioTenant,
  voiceForm,
} from "./webhook-fixtures";

const STATUS = "/v1/carriers/twilio/status";
const { VoiceResponse } = twilio.twiml;

let env: TestEnv;
let owner: CarrierTenant;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await twilioTenant(env);
});
afterAll(() => env.close());

async function startCall(): Promise<string> {
  const sid = freshCallSid();
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/voice",
    voiceForm(owner.number, sid),
    owner.authToken,
  );
  expect(res.status).toBe(200);
  return sid;
}

const callback = (sid: string, fields: Form): Form => ({
  AccountSid: ACCOUNT_SID,
  CallSid: sid,
  From: CALLER,
  To: owner.number,
  Direction: "inbound",
  ...fields,
});

async function status(sid: string, fields: Form, path = STATUS) {
  const res = await postTwilio(env, path, callback(sid, fields), owner.authToken);
  return { status: res.status, body: await res.text() };
}

const row = async (sid: string) => (await storedCalls(env, sid))[0]!;

describe("POST /v1/carriers/twilio/status", () => {
  it("moves a call forward and answers each callback with empty TwiML", async () => {
    const sid = await startCall();
    expect(
      await status(sid, {
        CallStatus: "in-progress",
        Timestamp: "Tue, 24 Nov 2026 15:00:05 +0000",
      }),
    ).toEqual({
      status: 200,
      body: EMPTY_TWIML,
    });
    expect(EMPTY_TWIML).toBe(new VoiceResponse().toString());
    expect(await row(sid)).toMatchObject({
      status: "in_progress",
      answered_at: Date.parse("2026-11-24T15:00:05Z"),
    });
    await status(sid, {
      CallStatus: "completed",
      CallDuration: "95",
      Timestamp: "Tue, 24 Nov 2026 15:01:40 +0000",
    });
    expect(await row(sid)).toMatchObject({
      status: "completed",
      duration_s: 95,
      ended_at: Date.parse("2026-11-24T15:01:40Z"),
    });
  });

  it("never moves backwards: completed then a late ringing stays completed, duration kept", async () => {
    const sid = await startCall();
    await status(sid, { CallStatus: "completed", CallDuration: "42" });
    const before = await row(sid);
    await status(sid, { CallStatus: "ringing" });
    await status(sid, { CallStatus: "in-progress" });
    const after = await row(sid);
    expect(after).toMatchObject({ status: "completed", duration_s: 42, answered_at: null });
    expect(after.ended_at).toBe(before.ended_at);
  });

  it("keeps the first terminal status: a later busy does not replace completed", async () => {
    const sid = await startCall();
    await status(sid, { CallStatus: "completed", CallDuration: "10" });
    await status(sid, { CallStatus: "busy" });
    expect(await row(sid)).toMatchObject({ status: "completed", duration_s: 10 });
  });

  it("answers an unanswered forward with an apology and stores the talk time apart", async () => {
    const sid = await startCall();
    const missed = await status(
      sid,
      { CallStatus: "in-progress", DialCallStatus: "no-answer", DialCallSid: freshCallSid() },
      `${STATUS}?event=dial`,
    );
    const sorry = new VoiceResponse();
    sorry.say(NOBODY_ANSWERED);
    sorry.hangup();
    expect(missed).toEqual({ status: 200, body: sorry.toString() });

    const other = await startCall();
    const answered = await status(
      other,
      {
        CallStatus: "in-progress",
        DialCallStatus: "completed",
        DialCallDuration: "61",
      },
      `${STATUS}?event=dial`,
    );
    const hangup = new VoiceResponse();
    hangup.hangup();
    expect(answered.body).toBe(hangup.toString());
    await status(other, { CallStatus: "completed", CallDuration: "75" });
    expect(await row(other)).toMatchObject({ status: "completed", talk_s: 61, duration_s: 75 });
  });

  it("stores a transcript", async () => {
    const sid = await startCall();
    await status(sid, {
      TranscriptionText: "Hi, I need a plumber today.",
      TranscriptionStatus: "completed",
      RecordingSid: "RE0123",
    });
    expect(await row(sid)).toMatchObject({ transcript: "Hi, I need a plumber today." });
  });

  it("refuses a forged status callback: 403, the call unchanged", async () => {
    const sid = await startCall();
    const before = await row(sid);
    const res = await postTwilio(
      env,
      STATUS,
      callback(sid, { CallStatus: "completed", CallDuration: "9" }),
      "forged",
    );
    expect(res.status).toBe(403);
    expect(await row(sid)).toEqual(before);
  });

  it("refuses a callback for a call nobody stored: nothing can verify it", async () => {
    const sid = freshCallSid();
    const res = await postTwilio(
      env,
      STATUS,
      { AccountSid: ACCOUNT_SID, CallSid: sid, CallStatus: "completed" },
      owner.authToken,
    );
    expect(res.status).toBe(403);
    expect(await storedCalls(env, sid)).toHaveLength(0);
  });

  it("answers 400 for a signed callback with nothing in it", async () => {
    const sid = await startCall();
    expect((await status(sid, { Junk: "1" })).status).toBe(400);
  });
});

describe("recording callbacks", () => {
  it("fill in the recording and queue one copy job, even when retried", async () => {
    const sid = await startCall();
    const form = {
      RecordingSid: "RE1111",
      RecordingUrl: "http://127.0.0.1:9/recordings/RE1111",
      RecordingStatus: "completed",
      RecordingDuration: "33",
    };
    await status(sid, form);
    await status(sid, form);
    expect(await row(sid)).toMatchObject({
      recording_id: "RE1111",
      recording_url: form.RecordingUrl,
      recording_duration_s: 33,
    });
    const jobs = await env.database.client.execute({
      sql: "SELECT kind, status, attempts, payload FROM jobs WHERE key LIKE ?",
      args: [`%${sid}%`],
    });
    expect(jobs.rows).toHaveLength(1);
    const call = await row(sid);
    expect(jobs.rows[0]).toMatchObject({ kind: "copy_recording", status: "queued", attempts: 0 });
    expect(JSON.parse(String(jobs.rows[0]!.payload))).toEqual({
      call_id: call.id,
      account_id: owner.account,
      carrier: "twilio",
      url: form.RecordingUrl,
    });
  });
});

describe("Telnyx Call Control", () => {
  it("stores JSON events in any order and acknowledges with an empty 200", async () => {
    const keys = telnyxKeys();
    const put = await call(env, "PUT", "/v1/carriers/telnyx/credentials", {
      key: owner.admin,
      body: { public_key: keys.publicKey },
    });
    expect(put.status).toBe(200);
    const leg = crypto.randomUUID();
    const event = (type: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        data: {
          record_type: "event",
          event_type: type,
          id: crypto.randomUUID(),
          occurred_at: "2026-11-24T15:00:00.000Z",
          payload: {
            call_control_id: `v3:${leg}`,
            call_leg_id: leg,
            call_session_id: leg,
            connection_id: "7267",
            from: CALLER,
            to: owner.number,
            direction: "incoming",
            ...extra,
          },
        },
        meta: { attempt: 1 },
      });
    const path = "/v1/carriers/telnyx/status";
    const opts = { contentType: "application/json" };
    const hangup = await postTelnyx(
      env,
      path,
      event("call.hangup", { hangup_cause: "normal_clearing" }),
      keys,
      opts,
    );
    expect(hangup.status).toBe(200);
    expect(await hangup.text()).toBe("");
    await postTelnyx(env, path, event("call.initiated", { state: "parked" }), keys, opts);
    const rows = await storedCalls(env, leg);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      carrier: "telnyx",
      status: "completed",
      account_id: owner.account,
    });
  });
});
