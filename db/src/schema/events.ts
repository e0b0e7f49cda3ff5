import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs, id } from "./columns";

/** What the browser reported on a session: tel: clicks (the strongest call signal), swap timing. */
export const events = sqliteTable(
  "events",
  {
    id: id(),
    accountId: accountId(),
    sessionId: text("session_id").notNull(),
    type: text("type").notNull(),
    number: text("number"),
    at: epochMs("at").notNull(),
    value: text("value"),
  },
  (t) => [index("events_session").on(t.sessionId)],
);

export type SessionEvent = typeof events.$inferSelect;
