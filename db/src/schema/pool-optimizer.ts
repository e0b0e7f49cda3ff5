import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs, id } from "./columns";

/**
 * Visits that found a pool exhausted, counted per pool and minute in memory and flushed in
 * the background: recording each one on the hot path would cost a write per visit exactly
 * when the pool is busiest.
 */
export const poolExhaustions = sqliteTable(
  "pool_exhaustions",
  {
    poolId: text("pool_id").notNull(),
    /** Epoch ms of the minute's start. */
    minute: epochMs("minute").notNull(),
    accountId: accountId(),
    /** Visits that shared a leased number. */
    shared: integer("shared").notNull().default(0),
    /** Visits shown the fallback number (or nothing). */
    fallback: integer("fallback").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.poolId, t.minute] })],
);

export const POOL_AUDIT_ACTIONS = ["move", "quarantine", "release", "reactivate"] as const;
export type PoolAuditAction = (typeof POOL_AUDIT_ACTIONS)[number];

/** Every change the optimizer (or the quarantine clock) made to a number's pool or status. */
export const poolAudit = sqliteTable(
  "pool_audit",
  {
    id: id(),
    accountId: accountId(),
    numberId: text("number_id").notNull(),
    action: text("action", { enum: POOL_AUDIT_ACTIONS }).notNull(),
    fromPoolId: text("from_pool_id"),
    toPoolId: text("to_pool_id"),
    /** Why, in words: the reputation reasons or the region a move serves. */
    reason: text("reason").notNull(),
    /** The API key that applied it; null for the system (quarantine ended). */
    keyId: text("key_id"),
    at: epochMs("at").notNull(),
  },
  (t) => [
    index("pool_audit_from").on(t.accountId, t.fromPoolId, t.at),
    index("pool_audit_to").on(t.accountId, t.toPoolId, t.at),
  ],
);

export type PoolAuditEntry = typeof poolAudit.$inferSelect;
