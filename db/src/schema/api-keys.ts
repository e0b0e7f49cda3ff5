import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs, id } from "./columns";

export const API_KEY_SCOPES = ["admin", "read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Only the SHA-256 of a key is kept; keys are 160-bit random, so a fast hash is safe. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: id(),
    accountId: accountId(),
    hash: text("hash").notNull(),
    /** First characters of the key, shown in listings so people can tell keys apart. */
    hint: text("hint").notNull(),
    scope: text("scope", { enum: API_KEY_SCOPES }).notNull(),
    name: text("name"),
    createdAt: createdAt(),
    revokedAt: epochMs("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash").on(t.hash), index("api_keys_account").on(t.accountId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
