import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@ringtrail/db";
import { afterAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../auth/api-key-hash";

const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rt-cli-"));
const DATABASE_URL = `file:${join(dir, "cli.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ringtrail(...args: string[]) {
  const r = spawnSync(TSX, [MAIN, ...args], {
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe("pnpm ringtrail", () => {
  it("account create prints the account and its admin key once, as one JSON line, and stores only the hash", async () => {
    const r = ringtrail("account", "create", "Acme", "Inc");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toHaveLength(1);
    const { account, key } = JSON.parse(r.out);
    expect(account).toMatch(/^acct_[0-9a-z]{20}$/);
    expect(key).toMatch(/^rt_[0-9a-z]{32}$/);
    const db = await openDatabase({ url: DATABASE_URL });
    const rows = await db.client.execute({
      sql: "SELECT a.name, k.hash, k.scope FROM accounts a JOIN api_keys k ON k.account_id = a.id WHERE a.id = ?",
      args: [account],
    });
    expect(rows.rows[0]).toMatchObject({
      name: "Acme Inc",
      hash: await hashApiKey(key),
      scope: "admin",
    });
    const leaked = await db.client.execute({
      sql: "SELECT count(*) AS n FROM api_keys WHERE hash = ? OR hint = ?",
      args: [key, key],
    });
    expect(leaked.rows[0]?.n).toBe(0);
    db.close();

    const read = ringtrail("key", "create", "--account", account, "--scope", "read");
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({
      account,
      scope: "read",
      key: expect.stringMatching(/^rt_/),
    });
  }, 60_000);

  it("explains itself and fails with exit codes", () => {
    const help = ringtrail("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("account create NAME");
    expect(ringtrail("key", "--help").out).toContain("--scope read|admin");
    const none = ringtrail();
    expect(none.code).toBe(2);
    const unknown = ringtrail("launch");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "launch"');
    const badScope = ringtrail("key", "create", "--account", "acct_x", "--scope", "root");
    expect(badScope.code).toBe(2);
    expect(badScope.err).toContain("--scope must be one of admin, read");
    const noAccount = ringtrail("key", "create", "--account", "acct_missing", "--scope", "read");
    expect(noAccount.code).toBe(1);
    expect(noAccount.err).toContain("No account acct_missing");
  }, 60_000);

  it("migrate and demo are idempotent", () => {
    expect(ringtrail("migrate").code).toBe(0);
    const first = JSON.parse(ringtrail("demo").out);
    expect(first).toMatchObject({
      account: expect.stringMatching(/^acct_/),
      key: expect.stringMatching(/^rt_/),
      site_key: "pk_demo0000000000000000000000",
    });
    expect(JSON.parse(ringtrail("demo").out)).toEqual({ seeded: false });
  }, 60_000);
});
