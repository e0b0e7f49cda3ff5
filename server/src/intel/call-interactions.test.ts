import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWorker } from "../jobs/index";
import {
  ACCOUNT_SID,
  CALLER,
  type CarrierTenant,
  type Form,
  freshCallSid,
  postTwilio,
  twilioTenant,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";

let env: TestEnv;
let owner: CarrierTenant;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await twilioTenant(env);
});
afterAll(() => env.close());

const status = (sid: string, fields: Form) =>
  postTwilio(
    env,
    "/v1/carriers/twilio/status",
    {
      AccountSid: ACCOUNT_SID,
      CallSid: sid,
      From: CALLER,
      To: owner.number,
      Direction: "inbound",
      ...fields,
    },
    owner.authToken,
  );

describe("transcription callbacks create interactions", () => {
  it("queues one interaction per transcribed call and interprets it with the spam model", async () => {
    const sid = freshCallSid();
    expect(
      (
        await postTwilio(
          env,
          "/v1/carriers/twilio/voice",
          voiceForm(owner.number, sid),
          owner.authToken,
        )
      ).status,
    ).toBe(200);
    expect((await status(sid, { CallStatus: "completed", CallDuration: "95" })).status).toBe(200);
    const transcript = {
      TranscriptionText: "Hi, I was charged twice on my invoice and need a refund.",
      TranscriptionStatus: "completed",
      RecordingSid: "RE0123",
    };
    expect((await status(sid, transcript)).status).toBe(200);
    // The carrier retries: still one job, one interaction.
    expect((await status(sid, transcript)).status).toBe(200);
    const worker = createJobWorker(env.services);
    await worker.runOnce();
    await worker.runOnce();
    const list = await call(env, "GET", "/v1/interactions", { key: owner.read });
    expect(list.body.data).toHaveLength(1);
    const [interaction] = list.body.data;
    expect(interaction).toMatchObject({
      channel: "call",
      customer: { phone: CALLER, email: null },
      text: transcript.TranscriptionText,
      call_id: expect.stringMatching(/^call_/),
      metadata: { carrier: "twilio", duration_s: 95 },
      action: { spam: false, subject: "billing", medium: "email", medium_rule: "subject_default" },
    });
    expect(interaction.models.map((m: { model: string }) => m.model)).toEqual([
      "spam",
      "subject",
      "sentiment",
    ]);
    const { rows } = await env.database.client.execute(
      "SELECT count(*) AS n FROM jobs WHERE kind = 'call_interaction'",
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("queues nothing for a status callback without a transcript", async () => {
    const sid = freshCallSid();
    await postTwilio(
      env,
      "/v1/carriers/twilio/voice",
      voiceForm(owner.number, sid),
      owner.authToken,
    );
    await status(sid, { CallStatus: "completed", CallDuration: "20" });
    const { rows } = await env.database.client.execute({
      sql: "SELECT count(*) AS n FROM jobs WHERE kind = 'call_interaction' AND key LIKE ?",
      args: [`%${sid}`],
    });
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
