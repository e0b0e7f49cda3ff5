/**
 * Signed Twilio voice webhooks per second (verify + store + reply) against a bare Hono route
 * on the same server, as a ratio measured in one run. Each webhook has its own CallSid, so
 * every request inserts a call. `pnpm exec tsx bench/webhooks.ts` runs it alone; `run.ts`
 * calls `benchWebhooks()`.
 *
 * The same file is the server under load when started with RT_WEBHOOK_BENCH_SERVER=1: the
 * server needs the seeded SECRETS_KEY to open the credentials, which bench-server.ts lacks.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import autocannon from "autocannon";
import twilio from "twilio";
import { createApp } from "../src/app";
import { createAccount } from "../src/auth/accounts";
import { SecretBox } from "../src/secrets/box";
import { CredentialStore } from "../src/secrets/credentials";

const AUTH_TOKEN = "bench-auth-token-0123456789abcdef";
const ACCOUNT_SID = `AC${"b2".repeat(16)}`;
const NUMBER = "+14155550142";
const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));

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

/** The server process: the real app with the bench's key, plus the bare yardstick route. */
async function serveBench(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL ?? "" });
  const key = Buffer.from(process.env.SECRETS_KEY ?? "", "base64");
  const { app } = createApp({ database, secrets: new SecretBox(key) });
  app.post("/bench/bare", async (c) => {
    await c.req.arrayBuffer();
    return c.body('<?xml version="1.0" encoding="UTF-8"?><Response/>', 200, {
      "content-type": "text/xml",
    });
  });
  serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    console.log(JSON.stringify({ msg: "listening", port: info.port }));
  });
  process.on("SIGTERM", () => process.exit(0));
}

/** One process (node --import tsx), pinned to core 0; the load generator keeps the other. */
async function startServer(url: string, key: Uint8Array) {
  // BENCH_NODE_ARGS="--cpu-prof" profiles the server side.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const args = ["-c", "0", process.execPath, ...nodeArgs, "--import", "tsx", "bench/webhooks.ts"];
  const child = spawn("taskset", args, {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      RT_WEBHOOK_BENCH_SERVER: "1",
      DATABASE_URL: url,
      SECRETS_KEY: Buffer.from(key).toString("base64"),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`bench server exited ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
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
  const server = await startServer(dbUrl, key);
  try {
    const duration = options.duration ?? 10;
    const connections = options.connections ?? 50;
    const voiceUrl = `${server.url}/v1/carriers/twilio/voice`;
    const run = (url: string, seconds: number) =>
      autocannon({
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
      rps: hooks.requests.average,
      bareRps: bare.requests.average,
      ratio: hooks.requests.average / bare.requests.average,
      p99: hooks.latency.p99,
      p50: hooks.latency.p50,
      non2xx: hooks.non2xx,
      errors: hooks.errors,
      stored,
      acknowledged: hooks["2xx"],
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

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

if (process.env.RT_WEBHOOK_BENCH_SERVER === "1") {
  await serveBench();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchWebhooks();
  console.log(
    "Carrier webhooks: signed Twilio voice webhooks vs a bare Hono route (50 connections, 10 s each)",
  );
  console.log(`  bare route                   ${fmt(r.bareRps)} req/s`);
  console.log(
    `  POST /v1/carriers/twilio/voice ${fmt(r.rps)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   errors ${r.errors}, non-2xx ${r.non2xx}`,
  );
  console.log(`  acknowledged ${fmt(r.acknowledged)}, stored ${fmt(r.stored)}`);
  console.log(`  ratio: ${(r.ratio * 100).toFixed(1)}% of the bare route's throughput`);
}
