import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import { createApp } from "../src/app";
import { createAccount } from "../src/auth/accounts";

const dir = mkdtempSync(join(tmpdir(), "rt-micro-"));
const url = `file:${join(dir, "m.db")}`;
const database = await openDatabase({ url });
await migrateDatabase(database);
const { account } = await createAccount(database, "x", Date.now());
const site = newId("site"),
  pool = newId("pool");
const stmts = [
  {
    sql: "INSERT INTO sites (id, account_id, name, public_key, origins, targets, hold_s, created_at) VALUES (?, ?, 'B', 'pk_micro0000000000', '[\"*\"]', '[\"+18005550100\"]', 1800, 0)",
    args: [site, account],
  },
  {
    sql: "INSERT INTO pools (id, account_id, site_id, name, kind, priority, rules, target, fallback, on_exhausted, created_at) VALUES (?, ?, ?, 'All', 'session', 0, '{}', NULL, NULL, 'share', 0)",
    args: [pool, account, site],
  },
];
for (let i = 0; i < Number(process.env.N ?? 10000); i++)
  stmts.push({
    sql: "INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, leased_until, created_at) VALUES (?, ?, ?, ?, 'twilio', NULL, 'local', 'active', 0, 0)",
    args: [newId("num"), account, pool, `+1415${2000000 + i}`],
  });
await database.client.batch(stmts, "write");
const { app } = createApp({ database });
const body = JSON.stringify({
  site: "pk_micro0000000000",
  url: "https://example.com/?utm_source=google&utm_medium=cpc",
});
const req = () =>
  app.request("/v1/visits", {
    method: "POST",
    body,
    headers: { "user-agent": "Mozilla/5.0 (Macintosh) Chrome/131.0" },
  });

import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
for (const conc of [1, 50]) {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 3000) {
    await Promise.all(Array.from({ length: conc }, req));
    n += conc;
  }
  console.log(`conc ${conc}: ${(n / ((performance.now() - t0) / 1000)).toFixed(0)} visits/s`);
}
const { profile } = await session.post("Profiler.stop");
writeFileSync("/tmp/visits.cpuprofile", JSON.stringify(profile));
console.log((globalThis as any).__gc);
// raw costs
let t0 = performance.now();
for (let i = 0; i < 2000; i++)
  await database.client.execute({
    sql: "UPDATE numbers SET leased_until = leased_until WHERE id = ?",
    args: ["x"],
  });
console.log("execute us", (((performance.now() - t0) / 2000) * 1000).toFixed(1));
t0 = performance.now();
for (let i = 0; i < 500; i++)
  await database.client.batch(
    [{ sql: "UPDATE numbers SET leased_until = leased_until WHERE id = ?", args: ["x"] }],
    "write",
  );
console.log("batch(1) us", (((performance.now() - t0) / 500) * 1000).toFixed(1));
