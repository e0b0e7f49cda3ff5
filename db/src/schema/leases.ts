import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs, id } from "./columns";

export const LEASE_KINDS = ["exclusive", "shared"] as const;
export type LeaseKind = (typeof LEASE_KINDS)[number];

/**
 * A number shown to a session in place of a target. The lease is live until `until`
 * (last heartbeat + hold); attribution reads these intervals to find who held a number.
 */
export const leases = sqliteTable(
  "leases",
  {
    id: id(),
    accountId: accountId(),
    sessionId: text("session_id").notNull(),
    numberId: text("number_id").notNull(),
    target: text("target").notNull(),
    kind: text("kind", { enum: LEASE_KINDS }).notNull(),
    assignedAt: epochMs("assigned_at").notNull(),
    lastSeenAt: epochMs("last_seen_at").notNull(),
    until: epochMs("until").notNull(),
    releasedAt: epochMs("released_at"),
  },
  (t) => [
    index("leases_session").on(t.sessionId),
    index("leases_number_until").on(t.numberId, t.until),
  ],
);

export type Lease = typeof leases.$inferSelect;
