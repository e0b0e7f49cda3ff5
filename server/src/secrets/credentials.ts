import type { Client, InStatement, Value } from "@libsql/client";
import type { CarrierName, CarrierSecret } from "@ringtrail/carriers";
import type { SecretBox } from "./box";

/** What an admin gives us per carrier (validated by the route's schemas). */
export type CarrierCredentialInput =
  | { carrier: "twilio"; accountSid: string; authToken: string }
  | { carrier: "signalwire"; projectId: string; signingKey: string }
  | { carrier: "telnyx"; publicKey: string; apiKey?: string };

export interface OpenedCredential {
  /** Twilio Account SID or SignalWire project id; null for Telnyx. */
  carrierAccount: string | null;
  secret: CarrierSecret;
}

/** A credentials row as read by SQL: the sealed secret and enough to open it. */
export interface SealedCredential {
  accountId: string;
  carrier: CarrierName;
  carrierAccount: string | null;
  secret: Value;
  keyVersion: number;
  updatedAt: number;
}

const aad = (accountId: string, carrier: string) => `${accountId}:${carrier}`;

function split(input: CarrierCredentialInput): OpenedCredential {
  switch (input.carrier) {
    case "twilio":
      return {
        carrierAccount: input.accountSid || null,
        secret: { carrier: "twilio", authToken: input.authToken },
      };
    case "signalwire":
      return {
        carrierAccount: input.projectId,
        secret: { carrier: "signalwire", signingKey: input.signingKey },
      };
    case "telnyx":
      return {
        carrierAccount: null,
        secret: {
          carrier: "telnyx",
          publicKey: input.publicKey,
          ...(input.apiKey && { apiKey: input.apiKey }),
        },
      };
  }
}

function bytes(value: Value): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new Error("credential blob is not binary");
}

/**
 * Carrier credentials, sealed at rest. Opened secrets are cached by (account, carrier,
 * updated_at): a webhook then costs no decryption, and a PUT changes `updated_at`, so a
 * stale secret is never used on this instance (others read the new row on their next lookup).
 */
export class CredentialStore {
  private readonly cache = new Map<string, Promise<OpenedCredential>>();

  constructor(
    private readonly client: Client,
    private readonly box: SecretBox,
  ) {}

  /** The upsert for one account's credentials at one carrier, to run or batch. */
  async statement(
    accountId: string,
    input: CarrierCredentialInput,
    now: number,
  ): Promise<InStatement> {
    const { carrierAccount, secret } = split(input);
    const sealed = await this.box.seal(JSON.stringify(secret), aad(accountId, input.carrier));
    return {
      sql: `INSERT INTO carrier_credentials (account_id, carrier, carrier_account, secret, key_version, updated_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id, carrier) DO UPDATE SET carrier_account = excluded.carrier_account,
          secret = excluded.secret, key_version = excluded.key_version,
          updated_at = MAX(excluded.updated_at, carrier_credentials.updated_at + 1)`,
      args: [accountId, input.carrier, carrierAccount, sealed, this.box.version, now],
    };
  }

  async put(accountId: string, input: CarrierCredentialInput, now: number): Promise<void> {
    await this.client.execute(await this.statement(accountId, input, now));
  }

  /** Opens a row read elsewhere (the webhook routes join it to their own lookups). */
  open(row: SealedCredential): Promise<OpenedCredential> {
    const cacheKey = `${row.accountId}:${row.carrier}:${row.updatedAt}`;
    let opened = this.cache.get(cacheKey);
    if (!opened) {
      opened = this.box
        .open(bytes(row.secret), aad(row.accountId, row.carrier), row.keyVersion)
        .then((text) => ({
          carrierAccount: row.carrierAccount,
          secret: JSON.parse(text) as CarrierSecret,
        }));
      // A failed open is not cached: the row may be fixed by the next PUT.
      opened.catch(() => this.cache.delete(cacheKey));
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(cacheKey, opened);
    }
    return opened;
  }

  async get(accountId: string, carrier: CarrierName): Promise<OpenedCredential | null> {
    const res = await this.client.execute({
      sql: `SELECT ${sealedColumns("carrier_credentials")} FROM carrier_credentials WHERE account_id = ? AND carrier = ?`,
      args: [accountId, carrier],
    });
    const row = res.rows[0];
    return row ? this.open(sealedRow(row)) : null;
  }

  /** Which carriers an account has configured, without their secrets. */
  async list(accountId: string) {
    const res = await this.client.execute({
      sql: "SELECT carrier, carrier_account, updated_at FROM carrier_credentials WHERE account_id = ? ORDER BY carrier",
      args: [accountId],
    });
    return res.rows.map((r) => ({
      carrier: String(r.carrier) as CarrierName,
      carrierAccount: r.carrier_account === null ? null : String(r.carrier_account),
      updatedAt: Number(r.updated_at),
    }));
  }
}

/** Columns for `sealedRow`, from `carrier_credentials` under the alias `t`. */
export const sealedColumns = (t: string) =>
  `${t}.account_id AS cred_account, ${t}.carrier AS cred_carrier, ${t}.carrier_account AS cred_carrier_account, ${t}.secret AS cred_secret, ${t}.key_version AS cred_key_version, ${t}.updated_at AS cred_updated_at`;

/** Reads the columns selected by `sealedColumns`. */
export function sealedRow(row: Record<string, Value>): SealedCredential {
  return {
    accountId: String(row.cred_account),
    carrier: String(row.cred_carrier) as CarrierName,
    carrierAccount: row.cred_carrier_account === null ? null : String(row.cred_carrier_account),
    secret: row.cred_secret ?? null,
    keyVersion: Number(row.cred_key_version),
    updatedAt: Number(row.cred_updated_at),
  };
}
