import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs, id } from "./columns";

export const visitors = sqliteTable(
  "visitors",
  {
    id: id(),
    accountId: accountId(),
    siteId: text("site_id").notNull(),
    createdAt: createdAt(),
    lastSeenAt: epochMs("last_seen_at").notNull(),
  },
  (t) => [index("visitors_site").on(t.siteId)],
);

export type Visitor = typeof visitors.$inferSelect;
