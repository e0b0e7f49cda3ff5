import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, id } from "./columns";

/**
 * Where an account wants to hear about things (routed requests, processed interactions,
 * campaign batches). The signing secret is sealed like carrier credentials: the API shows it
 * once, at creation, and never again.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: id(),
    accountId: accountId(),
    url: text("url").notNull(),
    /** Event types delivered here; `["*"]` for all. */
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    secret: blob("secret", { mode: "buffer" }).notNull(),
    keyVersion: integer("key_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_account").on(t.accountId)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
