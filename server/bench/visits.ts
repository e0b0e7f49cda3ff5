import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InStatement, migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import { createAccount } from "../src/auth/accounts";
import { load, startBenchServer } from "./process";

const SITE_KEY = "pk_benchmark000000000000";
const BROWSER_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Seeds a site with one pool of `numbers` numbers across US area codes. */
async function seed(url: string, numbers: number) {
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  const now = Date.now();
  const { account } = await createAccount(database, "Bench", now);
  const site = newId("site");
  const pool = newId("pool");
  const stmts: InStatement[] = [
    {
      sql: "INSERT INTO sites (id, account_id, name, public_key, origins, targets, hold_s, created_at) VALUES (?, ?, 'Bench', ?, '[\"*\"]', '[\"+18005550100\"]', 1800, ?)",
      args: [site, account, SITE_KEY, now],
    },
    {
      sql: "INSERT INTO pools (id, account_id, site_id, name, kind, priority, rules, target, fallback, on_exhausted, created_at) VALUES (?, ?, ?, 'All', 'session', 0, '{}', NULL, NULL, 'share', ?)",
      args: [pool, account, site, now],
    },
  ];
  const areas = ["415", "212", "312", "512", "206", "305", "617", "303", "404", "602"];
  for (let i = 0; i < numbers; i++) {
    stmts.push({
      sql: "INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, leased_until, created_at) VALUES (?, ?, ?, ?, 'twilio', NULL, 'local', 'active', 0, ?)",
      args: [
        newId("num"),
        account,
        pool,
        `+1${areas[i % areas.length]}${String(2000000 + i).padStart(7, "0")}`,
        now,
      ],
    });
  }
  await database.client.batch(stmts, "write");
  database.close();
}

/** POST /v1/visits (a new visitor each time: session, claim and lease committed) against a bare route. */
export async function benchVisits(options: { numbers?: number; duration?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "rt-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  await seed(url, options.numbers ?? 10_000);
  const server = await startBenchServer({ DATABASE_URL: url });
  try {
    const duration = options.duration ?? 10;
    const body = JSON.stringify({
      site: SITE_KEY,
      url: "https://example.com/landing?utm_source=google&utm_medium=cpc",
    });
    const headers = {
      "content-type": "text/plain",
      "user-agent": BROWSER_UA,
      "x-forwarded-for": "8.8.8.8",
    };
    await load({ url: `${server.url}/bench/bare`, method: "POST", body, headers, duration: 2 });
    const bare = await load({
      url: `${server.url}/bench/bare`,
      method: "POST",
      body,
      headers,
      duration,
    });
    const visits = await load({
      url: `${server.url}/v1/visits`,
      method: "POST",
      body,
      headers,
      duration,
    });
    const check = await openDatabase({ url });
    const leases = await check.client.execute("SELECT count(*) AS n FROM leases");
    const sessions = await check.client.execute("SELECT count(*) AS n FROM sessions");
    check.close();
    return {
      bare,
      visits,
      ratio: visits.rps / bare.rps,
      leases: Number(leases.rows[0]?.n),
      sessions: Number(sessions.rows[0]?.n),
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
