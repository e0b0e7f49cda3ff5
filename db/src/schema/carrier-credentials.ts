import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs } from "./columns";

/**
 * A tenant's signing secret at one carrier, sealed with AES-256-GCM (12-byte IV, then
 * ciphertext and tag) under the server's secrets key; `key_version` names that key so it can
 * be rotated. The secret itself is never stored or returned in the clear.
 */
export const carrierCredentials = sqliteTable(
  "carrier_credentials",
  {
    accountId: accountId(),
    carrier: text("carrier").notNull(),
    /**
     * The carrier's own account id (Twilio Account SID, SignalWire project id), kept in the
     * clear because webhooks carry it too: it finds the tenant when the dialed number is unknown.
     */
    carrierAccount: text("carrier_account"),
    secret: blob("secret", { mode: "buffer" }).notNull(),
    keyVersion: integer("key_version").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.carrier] }),
    index("carrier_credentials_account").on(t.carrier, t.carrierAccount),
  ],
);

export type CarrierCredential = typeof carrierCredentials.$inferSelect;
