import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, id } from "./columns";

export const sites = sqliteTable(
  "sites",
  {
    id: id(),
    accountId: accountId(),
    name: text("name").notNull(),
    publicKey: text("public_key").notNull(),
    /** Origins allowed to call the SDK endpoints (CORS), e.g. ["https://example.com"]. */
    origins: text("origins", { mode: "json" }).$type<string[]>().notNull(),
    /** The advertiser's own numbers (E.164) that the script replaces. */
    targets: text("targets", { mode: "json" }).$type<string[]>().notNull(),
    /** How long a number stays with a visitor after their last heartbeat, and a session's idle limit. */
    holdS: integer("hold_s").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sites_public_key").on(t.publicKey), index("sites_account").on(t.accountId)],
);

export type Site = typeof sites.$inferSelect;
