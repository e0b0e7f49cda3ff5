import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs } from "./columns";

/**
 * The account's own lookup tables (a VIP list, a blocked list, a CRM export): named lists of
 * key -> JSON value rows that a call flow's `table` source reads by the caller's or the
 * dialed number.
 */
export const lookupRows = sqliteTable(
  "lookup_rows",
  {
    accountId: accountId(),
    tableName: text("table_name").notNull(),
    key: text("key").notNull(),
    value: text("value", { mode: "json" }).$type<unknown>().notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.tableName, t.key] })],
);

/** Origins (`https://crm.example.com`) the account's `http` sources may fetch from. */
export const httpAllowList = sqliteTable(
  "http_allow_list",
  {
    accountId: accountId(),
    origin: text("origin").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.origin] }),
    index("http_allow_list_origin").on(t.origin),
  ],
);

export type LookupRow = typeof lookupRows.$inferSelect;
