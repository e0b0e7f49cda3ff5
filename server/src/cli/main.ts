import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { API_KEY_SCOPES, type ApiKeyScope, migrateDatabase, openDatabase } from "@ringtrail/db";
import { createAccount, createApiKey } from "../auth/accounts";
import { loadConfig } from "../config";
import { seedDemo } from "../demo/seed";

const HELP: Record<string, string> = {
  main: `Usage: pnpm ringtrail <command> [options]

Commands:
  migrate                                   apply database migrations
  account create NAME                       create a tenant and print its first admin API key
  key create --account ID --scope read|admin [--name TEXT]
                                            create another API key for an account
  demo                                      seed the demo advertiser (once)

Every command reads DATABASE_URL (default file:./data/ringtrail.db) and DATABASE_AUTH_TOKEN.
Run "pnpm ringtrail <command> --help" for a command's help.`,
  migrate:
    "Usage: pnpm ringtrail migrate\n\nApplies the committed migrations. Safe to run at any time.",
  account: `Usage: pnpm ringtrail account create NAME

Creates an account and prints {"account":"acct_…","key":"rt_…"} on one line.
The key is shown only once; only its hash is stored.`,
  key: `Usage: pnpm ringtrail key create --account ID --scope read|admin [--name TEXT]

Prints {"account":"acct_…","key":"rt_…","scope":"…"} on one line. The key is shown only once.`,
  demo: "Usage: pnpm ringtrail demo\n\nSeeds the demo advertiser (site, pools, numbers) unless it exists; prints its admin key once.",
};

class UsageError extends Error {}

async function withDatabase<T>(
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env);
  if (config.DATABASE_URL.startsWith("file:")) {
    mkdirSync(dirname(config.DATABASE_URL.slice("file:".length)), { recursive: true });
  }
  const database = await openDatabase({
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
  });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    database.close();
  }
}

export async function run(argv: string[], out: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    out(HELP.main!);
    return command ? 0 : 2;
  }
  const help = HELP[command];
  if (!help) throw new UsageError(`Unknown command "${command}".\n\n${HELP.main}`);
  if (rest.includes("--help") || rest.includes("-h")) {
    out(help);
    return 0;
  }
  switch (command) {
    case "migrate":
      await withDatabase(async () => undefined);
      out(JSON.stringify({ migrated: true }));
      return 0;
    case "account": {
      const [sub, ...names] = rest;
      const name = names.join(" ").trim();
      if (sub !== "create" || !name) throw new UsageError(help);
      const created = await withDatabase((db) => createAccount(db, name, Date.now()));
      out(JSON.stringify({ account: created.account, key: created.key }));
      return 0;
    }
    case "key": {
      const { values, positionals } = parseArgs({
        args: rest,
        options: {
          account: { type: "string" },
          scope: { type: "string" },
          name: { type: "string" },
        },
        allowPositionals: true,
      });
      if (positionals[0] !== "create" || !values.account || !values.scope)
        throw new UsageError(help);
      if (!(API_KEY_SCOPES as readonly string[]).includes(values.scope)) {
        throw new UsageError(`--scope must be one of ${API_KEY_SCOPES.join(", ")}`);
      }
      const account = values.account;
      const scope = values.scope as ApiKeyScope;
      const key = await withDatabase((db) =>
        createApiKey(db, account, scope, Date.now(), values.name),
      );
      if (!key) {
        process.stderr.write(`No account ${account}\n`);
        return 1;
      }
      out(JSON.stringify({ account: key.account, key: key.key, scope: key.scope }));
      return 0;
    }
    case "demo": {
      const port = process.env.PORT ?? "8787";
      const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
      const seeded = await withDatabase((db) => seedDemo(db, origins, Date.now()));
      out(
        JSON.stringify(
          seeded
            ? { account: seeded.account, key: seeded.key, site_key: seeded.publicKey }
            : { seeded: false },
        ),
      );
      return 0;
    }
    default:
      throw new UsageError(HELP.main!);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${err.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
