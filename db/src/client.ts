import { fileURLToPath } from "node:url";
import { type Client, createClient, type InStatement, type Row } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import Sqlite from "libsql";
import * as schema from "./schema/index";
import { StatementCache } from "./statement-cache";

export type Db = LibSQLDatabase<typeof schema>;

/** What read paths need: `execute` a statement and get its rows by column name. */
export interface Queryable {
  execute(stmt: InStatement): Promise<{ rows: Row[] }>;
}

export interface Database {
  /** Raw client for hot paths: prepared SQL strings and group-committed batches. */
  client: Client;
  /** Drizzle over the same client, for everything else. */
  db: Db;
  /**
   * For an embedded file: a second, synchronous connection through the raw libsql binding,
   * which group commit uses for hot-path writes. Null against a libSQL server.
   */
  raw: Sqlite.Database | null;
  /**
   * Hot-path reads. On an embedded file: cached prepared statements on the raw connection
   * (@libsql/client prepares every statement anew, ~20–40 µs each); else the client itself.
   * Rows are keyed by column name only.
   */
  reads: Queryable;
  close(): void;
}

export interface DatabaseOptions {
  /** `file:./data/ringtrail.db`, `libsql://…`, `http(s)://…` or `ws(s)://…`. */
  url: string;
  authToken?: string;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Opens the database. For an embedded file the client is held to one connection, because a
 * PRAGMA reaches only the connection it ran on and @libsql/client opens several otherwise;
 * WAL with synchronous=NORMAL survives a killed process (only an OS crash can lose the last
 * commits), which is the durability promise the webhooks and leases need.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const isFile = options.url.startsWith("file:");
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(isFile ? { concurrency: 1 } : {}),
  });
  if (isFile) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
  }
  const db = drizzle(client, { schema });
  let raw: Sqlite.Database | null = null;
  if (isFile) {
    raw = new Sqlite(filePath(options.url));
    raw.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
  }
  return {
    client,
    db,
    raw,
    reads: raw ? preparedReads(raw) : client,
    close: () => {
      client.close();
      raw?.close();
    },
  };
}

/** Applies the committed drizzle-kit migrations; safe to run at every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** `file:./data/x.db` or `file:///abs/x.db` -> a filesystem path. */
function filePath(url: string): string {
  const rest = url.slice("file:".length).split("?")[0] ?? "";
  return rest.startsWith("//") ? fileURLToPath(`file:${rest}`) : rest;
}

function preparedReads(raw: Sqlite.Database): Queryable {
  const statements = new StatementCache(raw);
  return {
    async execute(stmt) {
      const { statement, args } = statements.bind(stmt);
      return { rows: statement.all(args) as Row[] };
    },
  };
}
