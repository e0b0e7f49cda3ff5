import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "./client";
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
