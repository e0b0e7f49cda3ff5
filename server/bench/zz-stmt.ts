import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "@ringtrail/db";

const dir = mkdtempSync(join(tmpdir(), "rt-st-"));
const database = await openDatabase({ url: `file:${join(dir, "m.db")}` });
await migrateDatabase(database);
const c = database.client;
const t = async (name: string, sql: string, args: any[] = []) => {
  const t0 = performance.now();
  for (let i = 0; i < 300; i++)
    await c.execute({ sql, args: typeof args === "function" ? (args as any)(i) : args });
  console.log(name, (((performance.now() - t0) / 300) * 1000).toFixed(1), "us");
};
await t("select1", "SELECT 1");
await t(
  "insert visitor",
  "INSERT INTO visitors (id, account_id, site_id, created_at, last_seen_at) VALUES (?, 'a', 's', 1, 1) ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE visitors.account_id = excluded.account_id",
  ((i: number) => [`vis_${i}`]) as any,
);
await t("update returning", "UPDATE numbers SET leased_until = 5 WHERE id = ? RETURNING id", ["x"]);
await t(
  "insert select",
  "INSERT INTO leases (id, account_id, session_id, number_id, target, kind, assigned_at, last_seen_at, until) SELECT ?, 'a', 's', 'n', 't', 'shared', 1, 1, 1 WHERE EXISTS (SELECT 1 FROM numbers WHERE id = ? AND status = 'active')",
  ((i: number) => [`l_${i}`, "x"]) as any,
);
