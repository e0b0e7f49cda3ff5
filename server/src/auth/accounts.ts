import type { InStatement } from "@libsql/client";
import { type ApiKeyScope, type Database, newId, newSecret } from "@ringtrail/db";
import { hashApiKey } from "./api-key-hash";

/** Creates a tenant with its first admin key; the key is returned once and stored hashed. */
export async function createAccount(database: Database, name: string, now: number) {
  const created = await accountStatements(name, now);
  await database.client.batch(created.stmts, "write");
  return { account: created.account, key: created.key, keyId: created.keyId };
}

/** The statements that create an account and its first admin key, to batch with others. */
export async function accountStatements(name: string, now: number) {
  const account = newId("acct");
  const key = await issueKeyStatements(account, "admin", now, "first admin key");
  const stmts: InStatement[] = [
    {
      sql: "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)",
      args: [account, name, now],
    },
    key.stmt,
  ];
  return { account, key: key.secret, keyId: key.id, stmts };
}

export async function createApiKey(
  database: Database,
  accountId: string,
  scope: ApiKeyScope,
  now: number,
  name?: string,
) {
  const exists = await database.client.execute({
    sql: "SELECT 1 FROM accounts WHERE id = ?",
    args: [accountId],
  });
  if (exists.rows.length === 0) return null;
  const key = await issueKeyStatements(accountId, scope, now, name ?? null);
  await database.client.execute(key.stmt);
  return { account: accountId, key: key.secret, keyId: key.id, scope };
}

async function issueKeyStatements(
  accountId: string,
  scope: ApiKeyScope,
  now: number,
  name: string | null,
) {
  const secret = newSecret("rt");
  const id = newId("key");
  return {
    id,
    secret,
    stmt: {
      sql: "INSERT INTO api_keys (id, account_id, hash, hint, scope, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      args: [id, accountId, await hashApiKey(secret), secret.slice(0, 7), scope, name, now],
    },
  };
}
