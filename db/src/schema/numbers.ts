import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, id } from "./columns";

export const NUMBER_KINDS = ["local", "toll_free"] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];
export const NUMBER_STATUSES = ["active", "quarantined", "retired"] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/**
 * Tracking numbers. A number rings at one carrier for one account, so E.164 is unique
 * across accounts: the dialed number is how a carrier webhook finds its tenant.
 */
export const numbers = sqliteTable(
  "numbers",
  {
    id: id(),
    accountId: accountId(),
    poolId: text("pool_id"),
    e164: text("e164").notNull(),
    carrier: text("carrier").notNull(),
    region: text("region"),
    kind: text("kind", { enum: NUMBER_KINDS }).notNull(),
    status: text("status", { enum: NUMBER_STATUSES }).notNull(),
    forwardTo: text("forward_to"),
    /** The call flow whose active version routes this number's calls; null forwards to forward_to. */
    callFlowId: text("call_flow_id"),
    /**
     * Epoch ms until which the number is held; <= now means free, and then it is also the
     * moment it was released (0: never leased). The atomic claim is a conditional UPDATE on it.
     */
    leasedUntil: integer("leased_until").notNull().default(0),
    /** The session that claimed it last, so a batched lease insert can check its own claim won. */
    holder: text("holder"),
    /** A quarantined number returns to `active` after this moment (null: until someone acts). */
    quarantinedUntil: integer("quarantined_until"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("numbers_e164").on(t.e164),
    index("numbers_pool").on(t.poolId),
    index("numbers_account").on(t.accountId),
  ],
);

export type TrackingNumber = typeof numbers.$inferSelect;
