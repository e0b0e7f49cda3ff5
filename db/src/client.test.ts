import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from "./client";
import { GroupCommit } from "./group-commit";

let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rt-db-"));
  database = await openDatabase({ url: `file:${join(dir, "t.db")}` });
  await migrateDatabase(database);
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("applies the migrations and runs in WAL mode", async () => {
    const mode = await database.client.execute("PRAGMA journal_mode");
    expect(mode.rows[0]?.[0]).toBe("wal");
    const tables = await database.client.execute(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
    );
    expect(tables.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([
        "accounts",
        "api_keys",
        "events",
        "leases",
        "numbers",
        "pools",
        "sessions",
        "sites",
        "visitors",
      ]),
    );
  });

  it("migrating twice is harmless", async () => {
    await expect(migrateDatabase(database)).resolves.toBeUndefined();
  });

  it("keeps each account's choice of matcher across migration 0011", async () => {
    // A database as 0010 left it: the choice in two flags.
    const before = join(dir, "to-0010");
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 10);
    writeFileSync(journalPath, JSON.stringify(journal));
    const old = await openDatabase({ url: `file:${join(dir, "old.db")}` });
    await migrate(old.db, { migrationsFolder: before });
    for (const [account, applied, useRates] of [
      ["acct_r", 0, 1],
      ["acct_e", 1, 0],
      ["acct_both", 1, 1],
      ["acct_none", 0, 0],
    ] as const) {
      await old.client.execute({
        sql: "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, 0)",
        args: [account, account],
      });
      await old.client.execute({
        sql: `INSERT INTO match_params (account_id, applied, use_rates, updated_at) VALUES (?, ?, ?, 0)`,
        args: [account, applied, useRates],
      });
    }
    await migrateDatabase(old);
    const rows = await old.client.execute(
      "SELECT account_id, matcher FROM match_params ORDER BY account_id",
    );
    old.close();
    expect(rows.rows.map((r) => [r.account_id, r.matcher])).toEqual([
      ["acct_both", "rates"],
      ["acct_e", "estimate"],
      ["acct_none", "auto"],
      ["acct_r", "rates"],
    ]);
  });
});

describe.each(["client batch", "raw binding"])("GroupCommit through the %s", (via) => {
  const make = () => new GroupCommit(database.client, via === "raw binding" ? database.raw : null);
  it("commits concurrent writers in one batch and hands each its own results", async () => {
    const group = make();
    const writes = Array.from({ length: 20 }, (_, i) =>
      group.write([
        {
          sql: "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?) RETURNING id",
          args: [`acct_g${via[0]}${i}`, `n${i}`, i],
        },
      ]),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r[0]?.rows[0]?.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `acct_g${via[0]}${i}`),
    );
    const count = await database.client.execute(
      `SELECT count(*) FROM accounts WHERE id LIKE 'acct_g${via[0]}%'`,
    );
    expect(Number(count.rows[0]?.[0])).toBe(20);
  });

  it("a failing writer does not take its neighbours down", async () => {
    const group = make();
    const ok = group.write([
      { sql: `INSERT INTO accounts (id, name, created_at) VALUES ('acct_ok${via[0]}', 'a', 1)` },
    ]);
    const bad = group.write([
      { sql: `INSERT INTO accounts (id, name, created_at) VALUES ('acct_ok2${via[0]}', NULL, 1)` },
    ]);
    await expect(ok).resolves.toHaveLength(1);
    await expect(bad).rejects.toThrow();
    const rows = await database.client.execute(
      `SELECT id FROM accounts WHERE id IN ('acct_ok${via[0]}','acct_ok2${via[0]}')`,
    );
    expect(rows.rows.map((r) => r[0])).toEqual([`acct_ok${via[0]}`]);
  });
});
