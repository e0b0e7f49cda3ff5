/**
 * The server under benchmark: the real app over a real database file, plus a bare Hono route
 * on the same server as the yardstick. Started as its own process by `process.ts`, so the load
 * generator does not share its event loop.
 */
import { serve } from "@hono/node-server";
import { migrateDatabase, openDatabase } from "@ringtrail/db";
import { createApp } from "../src/app";
import { SecretBox } from "../src/secrets/box";

const database = await openDatabase({ url: process.env.DATABASE_URL ?? "file:./data/bench.db" });
await migrateDatabase(database);
const key = process.env.SECRETS_KEY;
const { app } = createApp({
  database,
  trustProxy: true,
  secrets: key ? new SecretBox(Buffer.from(key, "base64")) : undefined,
});
app.post("/bench/bare", async (c) => {
  await c.req.text();
  return c.json({ ok: true });
});
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(JSON.stringify({ msg: "listening", port: info.port }));
});
process.on("SIGTERM", () => process.exit(0));
