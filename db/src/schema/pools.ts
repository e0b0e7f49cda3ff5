import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, id } from "./columns";

export const POOL_KINDS = ["session", "source"] as const;
export type PoolKind = (typeof POOL_KINDS)[number];
export const ON_EXHAUSTED = ["share", "fallback"] as const;
export type OnExhausted = (typeof ON_EXHAUSTED)[number];

export const pools = sqliteTable(
  "pools",
  {
    id: id(),
    accountId: accountId(),
    siteId: text("site_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: POOL_KINDS }).notNull(),
    /** Higher wins; source pools are always tried before session pools. */
    priority: integer("priority").notNull(),
    /** Match rules as validated by @ringtrail/core/rules. */
    rules: text("rules", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The site target (E.164) this pool replaces; null serves every target of the site. */
    target: text("target"),
    fallback: text("fallback"),
    onExhausted: text("on_exhausted", { enum: ON_EXHAUSTED }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pools_site").on(t.siteId), index("pools_account").on(t.accountId)],
);

export type Pool = typeof pools.$inferSelect;
