import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, newId, openDatabase } from "@ringtrail/db";

const dir = mkdtempSync(join(tmpdir(), "rt-st-"));
const database = await openDatabase({ url: `file:${join(dir, "m.db")}` });
await migrateDatabase(database);
const raw = database.raw!;
const ins = raw.prepare(
  "INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, leased_until, created_at) VALUES (?, 'a', 'p', ?, 'twilio', NULL, 'local', 'active', 0, 0)",
);
raw.exec("BEGIN");
for (let i = 0; i < 10000; i++) ins.run([`num_${i}`, `+1415${2000000 + i}`]);
raw.exec("COMMIT");
const time = (name: string, fn: (i: number) => void, n = 2000) => {
  raw.exec("BEGIN");
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const dt = performance.now() - t0;
  raw.exec("COMMIT");
  console.log(name, ((dt / n) * 1000).toFixed(1), "us");
};
const upd = raw.prepare(
  "UPDATE numbers SET leased_until = ?, holder = ? WHERE id = ? AND status = 'active' AND leased_until <= ? RETURNING id",
);
time("update returning all()", (i) => upd.all([5, "s", `num_${i}`, 10]));
const upd2 = raw.prepare(
  "UPDATE numbers SET leased_until = ?, holder = ? WHERE id = ? AND status = 'active' AND leased_until <= ?",
);
time("update run()", (i) => upd2.run([5, "s", `num_${i + 3000}`, 10]));
const get = raw.prepare("SELECT id FROM numbers WHERE id = ?");
time("select all()", (i) => get.all([`num_${i}`]));
time("select get()", (i) => get.get([`num_${i}`]));
console.log(upd.reader, upd2.reader);
{
  const t0 = performance.now();
  const N = 2000;
  for (let i = 0; i < N; i++) {
    raw.exec("BEGIN IMMEDIATE");
    upd2.run([5, "s", `num_${i}`, 10]);
    raw.exec("COMMIT");
  }
  console.log("txn of 1 update", (((performance.now() - t0) / N) * 1000).toFixed(1), "us");
  const ins2 = raw.prepare(
    "INSERT INTO sessions (id, account_id, site_id, started_at, last_seen_at, channel, landing_url, landing_path, device) VALUES (?, 'a', 's', 1, 1, 'direct', 'https://example.com/some/long/path?utm_source=x', '/x', 'desktop')",
  );
  const t1 = performance.now();
  for (let i = 0; i < N; i++) {
    raw.exec("BEGIN IMMEDIATE");
    ins2.run([`ses_${i}`]);
    raw.exec("COMMIT");
  }
  console.log("txn of 1 session insert", (((performance.now() - t1) / N) * 1000).toFixed(1), "us");
  raw.exec("PRAGMA wal_autocheckpoint = 0");
  const t2 = performance.now();
  for (let i = 0; i < N; i++) {
    raw.exec("BEGIN IMMEDIATE");
    ins2.run([`ses_b${i}`]);
    raw.exec("COMMIT");
  }
  console.log("same, autocheckpoint off", (((performance.now() - t2) / N) * 1000).toFixed(1), "us");
}
