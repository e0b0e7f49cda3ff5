import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import twilio from "twilio";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../auth/accounts";
import { SecretBox } from "../../secrets/box";
import { CredentialStore } from "../../secrets/credentials";
import { type ServerProcess, startServer } from "../../testing/server-process";
import { ACCOUNT_SID, freshCallSid, voiceForm } from "./webhook-fixtures";

const dir = mkdtempSync(join(tmpdir(), "rt-durability-"));
const DATABASE_URL = `file:${join(dir, "ringtrail.db")}`;
const key = crypto.getRandomValues(new Uint8Array(32));
const SECRETS_KEY = Buffer.from(key).toString("base64");
const AUTH_TOKEN = "durability-auth-token";
const NUMBER = "+14155550142";
const env = { DATABASE_URL, SECRETS_KEY, DEMO: "0" };

const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  rmSync(dir, { recursive: true, force: true });
});

/** An account, its tracking number and its Twilio credentials, written straight to the file. */
async function seed(): Promise<void> {
  const database = await openDatabase({ url: DATABASE_URL });
  await migrateDatabase(database);
  const { account } = await createAccount(database, "Durability", Date.now());
  await database.client.execute({
    sql: `INSERT INTO numbers (id, account_id, e164, carrier, region, kind, status, forward_to, created_at)
      VALUES (?, ?, ?, 'twilio', 'US-CA', 'local', 'active', '+14155550199', ?)`,
    args: [newId("num"), account, NUMBER, Date.now()],
  });
  const credentials = new CredentialStore(database.client, new SecretBox(key));
  await credentials.put(
    account,
    { carrier: "twilio", accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    Date.now(),
  );
  database.close();
}

/** One signed voice webhook, as Twilio sends it; true when the server acknowledged it. */
async function send(server: ServerProcess, sid: string): Promise<boolean> {
  const url = `${server.url}/v1/carriers/twilio/voice`;
  const form = voiceForm(NUMBER, sid);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, form),
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("webhook durability across SIGKILL", () => {
  it("every acknowledged webhook is stored exactly once after a crash and restart", async () => {
    await seed();
    const first = await startServer(env);
    servers.push(first);

    const acknowledged: string[] = [];
    const attempted: string[] = [];
    let stop = false;
    const KILL_AFTER = 400;
    // 32 concurrent senders keep going through the kill: requests in flight then, and those
    // sent while the server is down, go unacknowledged, as a carrier would see them.
    const senders = Array.from({ length: 32 }, async () => {
      while (!stop) {
        const sid = freshCallSid();
        attempted.push(sid);
        if (await send(first, sid)) acknowledged.push(sid);
      }
    });
    while (acknowledged.length < KILL_AFTER) await sleep(5);
    first.child.kill("SIGKILL");
    await sleep(300);
    stop = true;
    await Promise.all(senders);
    await first.stop("SIGKILL");

    const second = await startServer(env);
    servers.push(second);
    // A carrier retries what it never heard back about, and what it did: no duplicates either way.
    const acknowledgedSet = new Set(acknowledged);
    const unacknowledged = attempted.filter((sid) => !acknowledgedSet.has(sid));
    const retried = [...unacknowledged.slice(0, 20), ...acknowledged.slice(0, 20)];
    const retriedOk = await Promise.all(retried.map((sid) => send(second, sid)));
    expect(retriedOk.every(Boolean)).toBe(true);
    await second.stop("SIGTERM");

    const database = await openDatabase({ url: DATABASE_URL });
    const res = await database.client.execute(
      "SELECT carrier_call_id AS sid, COUNT(*) AS n FROM calls GROUP BY carrier_call_id",
    );
    database.close();
    const counts = new Map(res.rows.map((r) => [String(r.sid), Number(r.n)]));
    const stored = acknowledged.filter((sid) => counts.get(sid) === 1).length;
    const lost = acknowledged.filter((sid) => !counts.has(sid)).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    console.log(
      `durability: attempted=${attempted.length} acknowledged=${acknowledged.length} stored=${stored} lost=${lost} duplicated=${duplicated} rows_after_retries=${counts.size}`,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(attempted.length).toBeGreaterThan(acknowledged.length);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(stored).toBe(acknowledged.length);
  }, 120_000);
});
