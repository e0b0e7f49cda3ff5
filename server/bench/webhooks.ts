/**
 * Signed Twilio voice webhooks per second (verify + store + reply) against a bare Hono route
 * on the same server, as a ratio measured in one run. Each webhook has its own CallSid, so
 * every request inserts a call. `run.ts` calls `benchWebhooks()`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import type autocannon from "autocannon";
import twilio from "twilio";
import { createAccount } from "../src/auth/accounts";
import { SecretBox } from "../src/secrets/box";
import { CredentialStore } from "../src/secrets/credentials";
import { load, startBenchServer } from "./process";

const AUTH_TOKEN = "bench-auth-token-0123456789abcdef";
const ACCOUNT_SID = `AC${"b2".repeat(16)}`;
const NUMBER = "+14155550142";

export interface WebhookBench {
  /** Signed voice webhooks per second, each verified, stored (committed) and answered. */
  rps: number;
  bareRps: number;
  ratio: number;
  /** p99 latency of the webhook route, ms. */
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
  /** Calls in the database afterwards, to compare with the 2xx count. */
  stored: number;
  acknowledged: number;
}

async function seed(url: string, key: Uint8Array): Promise<void> {
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  const now = Date.now();
  const { account } = await createAccount(database, "Webhook bench", now);
  await database.client.execute({
    sql: `INSERT INTO numbers (id, account_id, e164, carrier, region, kind, status, forward_to, created_at)
      VALUES (?, ?, ?, 'twilio', 'US-CA', 'local', 'active', '+14155550199', ?)`,
    args: [newId("num"), account, NUMBER, now],
  });
  const store = new CredentialStore(database.client, new SecretBox(key));
  await store.put(
    account,
    { carrier: "twilio", accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    now,
  );
  database.close();
}

/** A fresh, correctly signed voice webhook per request, as Twilio would send it. */
function signedVoice(url: string) {
  return (req: autocannon.Request): autocannon.Request => {
    const form = {
      AccountSid: ACCOUNT_SID,
      CallSid: `CA${randomBytes(16).toString("hex")}`,
      CallStatus: "ringing",
      Direction: "inbound",
      From: "+13125550177",
      FromCity: "CHICAGO",
      FromCountry: "US",
      FromState: "IL",
      To: NUMBER,
    };
    return {
      ...req,
      body: new URLSearchParams(form).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, form),
      },
    };
  };
}

export async function benchWebhooks(
  options: { duration?: number; connections?: number } = {},
): Promise<WebhookBench> {
  const dir = mkdtempSync(join(tmpdir(), "rt-bench-webhooks-"));
  const dbUrl = `file:${join(dir, "bench.db")}`;
  const key = crypto.getRandomValues(new Uint8Array(32));
  await seed(dbUrl, key);
  const server = await startBenchServer({
    DATABASE_URL: dbUrl,
    SECRETS_KEY: Buffer.from(key).toString("base64"),
  });
  try {
    const duration = options.duration ?? 10;
    const connections = options.connections ?? 50;
    const voiceUrl = `${server.url}/v1/carriers/twilio/voice`;
    const run = (url: string, seconds: number) =>
      load({
        url,
        connections,
        duration: seconds,
        method: "POST",
        requests: [{ method: "POST", setupRequest: signedVoice(voiceUrl) }],
      });
    await run(`${server.url}/bench/bare`, 2);
    await run(voiceUrl, 2);
    const bare = await run(`${server.url}/bench/bare`, duration);
    const before = await countCalls(dbUrl);
    const hooks = await run(voiceUrl, duration);
    const stored = (await countCalls(dbUrl)) - before;
    return {
      rps: hooks.rps,
      bareRps: bare.rps,
      ratio: hooks.rps / bare.rps,
      p99: hooks.p99,
      p50: hooks.p50,
      non2xx: hooks.non2xx,
      errors: hooks.errors,
      stored,
      acknowledged: hooks.ok,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countCalls(url: string): Promise<number> {
  const database = await openDatabase({ url });
  const res = await database.client.execute("SELECT count(*) AS n FROM calls");
  database.close();
  return Number(res.rows[0]?.n);
}
