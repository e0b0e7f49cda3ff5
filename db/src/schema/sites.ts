import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
    /**
     * Bounds of the learned hold time; with both set, assignment uses a high percentile of the
     * observed delay between last activity and call instead of `hold_s` once there is data.
     */
    holdMinS: integer("hold_min_s"),
    holdMaxS: integer("hold_max_s"),
    /** Share of visits spent exploring number characteristics (Thompson sampling); 0 turns learning off. */
    exploration: real("exploration").notNull().default(0.05),
    /** Monthly price of one tracking number in minor units (cents), for sizing costs. */
    numberPriceCents: integer("number_price_cents").notNull().default(115),
    /** Days a number retired from a pool cools down before it may be assigned again. */
    quarantineDays: integer("quarantine_days").notNull().default(14),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sites_public_key").on(t.publicKey), index("sites_account").on(t.accountId)],
);

export type Site = typeof sites.$inferSelect;
