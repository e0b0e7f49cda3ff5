import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InStatement, migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAccount } from "../auth/accounts";
import { BROWSER_UA } from "../testing/fixtures";
import { type ServerProcess, startServer } from "../testing/server-process";

const NUMBERS = 30;
const VISITS = 240;
const FALLBACK = "+18885550199";
let dir: string;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rt-two-"));
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

it("two server processes on one database never lease the same free number to two visitors", async () => {
  const url = `file:${join(dir, "shared.db")}`;
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  const now = Date.now();
  const { account } = await createAccount(database, "Two processes", now);
  const site = newId("site");
  const pool = newId("pool");
  const stmts: InStatement[] = [
    {
      sql: "INSERT INTO sites (id, account_id, name, public_key, origins, targets, hold_s, created_at) VALUES (?, ?, 'S', ?, '[\"*\"]', '[\"+18005550100\"]', 1800, ?)",
      args: [site, account, "pk_twoprocesses00000000", now],
    },
    {
      sql: "INSERT INTO pools (id, account_id, site_id, name, kind, priority, rules, target, fallback, on_exhausted, created_at) VALUES (?, ?, ?, 'P', 'session', 0, '{}', NULL, ?, 'fallback', ?)",
      args: [pool, account, site, FALLBACK, now],
    },
  ];
  for (let i = 0; i < NUMBERS; i++) {
    stmts.push({
      sql: "INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, leased_until, created_at) VALUES (?, ?, ?, ?, 'twilio', 'US-CA', 'local', 'active', 0, ?)",
      args: [newId("num"), account, pool, `+1415555${String(1000 + i)}`, now],
    });
  }
  await database.client.batch(stmts, "write");

  servers = await Promise.all([
    startServer({ DATABASE_URL: url }),
    startServer({ DATABASE_URL: url }),
  ]);
  const post = (i: number) =>
    fetch(`${servers[i % 2]!.url}/v1/visits`, {
      method: "POST",
      headers: { "content-type": "text/plain", "user-agent": BROWSER_UA },
      body: JSON.stringify({ site: "pk_twoprocesses00000000", url: "https://example.com/" }),
    }).then((r) => r.json() as Promise<{ swaps: { number: string }[] }>);
  const answers = await Promise.all(Array.from({ length: VISITS }, (_, i) => post(i)));

  const shown = answers.map((a) => a.swaps[0]?.number);
  const tracking = shown.filter((n) => n !== FALLBACK);
  const leases = await database.client.execute(
    "SELECT number_id, count(*) AS n FROM leases WHERE kind = 'exclusive' GROUP BY number_id",
  );
  const duplicates = leases.rows.filter((r) => Number(r.n) > 1).length;
  console.log(
    `two processes, ${VISITS} concurrent visits, ${NUMBERS} numbers: ${tracking.length} tracking numbers shown, ${shown.length - tracking.length} fallbacks, ${duplicates} numbers leased twice`,
  );
  expect(shown.every((n) => n !== undefined)).toBe(true);
  expect(duplicates).toBe(0);
  expect(new Set(tracking).size).toBe(tracking.length);
  expect(tracking.length).toBe(NUMBERS);
  expect(leases.rows.length).toBe(NUMBERS);
  database.close();
}, 90_000);
