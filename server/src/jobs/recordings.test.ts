import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCOUNT_SID,
  CALLER,
  type CarrierTenant,
  freshCallSid,
  postTwilio,
  storedCalls,
  twilioTenant,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { createTestEnv, type TestEnv } from "../testing/app";
import { createJobWorker } from "./index";
import type { JobWorker } from "./worker";

const AUDIO = Buffer.from("ID3\u0004fake mp3 bytes for the test");

let env: TestEnv;
let owner: CarrierTenant;
let server: Server;
let base: string;
let worker: JobWorker;
/** Requests the fake carrier saw, and how many of the next ones it should fail. */
const seen: string[] = [];
let failNext = 0;

beforeAll(async () => {
  env = await createTestEnv();
  env.services.recordingsDir = join(env.dir, "recordings");
  owner = await twilioTenant(env);
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    if (failNext > 0) {
      failNext -= 1;
      res.writeHead(503).end("try later");
      return;
    }
    res.writeHead(200, { "content-type": "audio/mpeg" }).end(AUDIO);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worker = createJobWorker(env.services, { backoffMs: 10_000, maxAttempts: 3 });
});
afterAll(async () => {
  await worker.stop();
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

/** A call whose recording callback has arrived; returns the call row. */
async function recordedCall(recordingSid: string) {
  const sid = freshCallSid();
  const voice = await postTwilio(
    env,
    "/v1/carriers/twilio/voice",
    voiceForm(owner.number, sid),
    owner.authToken,
  );
  expect(voice.status).toBe(200);
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/status",
    {
      AccountSid: ACCOUNT_SID,
      CallSid: sid,
      From: CALLER,
      To: owner.number,
      RecordingSid: recordingSid,
      RecordingUrl: `${base}/recordings/${recordingSid}`,
      RecordingStatus: "completed",
      RecordingDuration: "12",
    },
    owner.authToken,
  );
  expect(res.status).toBe(200);
  return (await storedCalls(env, sid))[0]!;
}

const job = async (callId: string) =>
  (
    await env.database.client.execute({
      sql: "SELECT status, attempts, last_error, run_after FROM jobs WHERE payload LIKE ?",
      args: [`%${callId}%`],
    })
  ).rows[0]!;

describe("copy_recording jobs", () => {
  it("copy the file into the account's directory and mark the call", async () => {
    const call = await recordedCall("RE_ok");
    expect(await worker.runOnce()).toBe(1);
    const file = join(env.dir, "recordings", owner.account, `${call.id}.mp3`);
    expect(readFileSync(file)).toEqual(AUDIO);
    expect(await job(String(call.id))).toMatchObject({
      status: "done",
      attempts: 1,
      last_error: null,
    });
    const [row] = await storedCalls(env, String(call.carrier_call_id));
    expect(row).toMatchObject({ recording_file: `${owner.account}/${call.id}.mp3` });
  });

  it("retry after a failure, with backoff, and then succeed", async () => {
    const call = await recordedCall("RE_flaky");
    failNext = 1;
    const before = seen.length;
    expect(await worker.runOnce()).toBe(1);
    const failed = await job(String(call.id));
    expect(failed).toMatchObject({
      status: "queued",
      attempts: 1,
      last_error: "recording fetch answered HTTP 503",
      run_after: env.clock.now() + 10_000,
    });
    const file = join(env.dir, "recordings", owner.account, `${call.id}.mp3`);
    expect(existsSync(file)).toBe(false);
    // Not due yet: nothing runs.
    expect(await worker.runOnce()).toBe(0);
    env.clock.advance(10_000);
    expect(await worker.runOnce()).toBe(1);
    expect(seen.length - before).toBe(2);
    expect(await job(String(call.id))).toMatchObject({ status: "done", attempts: 2 });
    expect(readFileSync(file)).toEqual(AUDIO);
  });

  it("give up after the last attempt, keeping the error", async () => {
    const call = await recordedCall("RE_gone");
    failNext = 3;
    for (const wait of [0, 10_000, 20_000]) {
      env.clock.advance(wait);
      expect(await worker.runOnce()).toBe(1);
    }
    env.clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(await job(String(call.id))).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("reclaim a job whose worker died while it ran, once its lease is over", async () => {
    const call = await recordedCall("RE_orphan");
    // A worker claims the job and dies before it can settle it.
    await env.database.client.execute({
      sql: "UPDATE jobs SET status = 'running', attempts = 1, run_after = ? WHERE payload LIKE ?",
      args: [env.clock.now() + 5 * 60_000, `%${call.id}%`],
    });
    expect(await worker.runOnce()).toBe(0);
    env.clock.advance(5 * 60_000);
    expect(await worker.runOnce()).toBe(1);
    expect(await job(String(call.id))).toMatchObject({ status: "done", attempts: 2 });
  });
});
