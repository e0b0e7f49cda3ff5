import type { Row } from "@libsql/client";
import type { CarrierAdapter, Identity, SignedRequest } from "@ringtrail/carriers";
import type { Queryable } from "@ringtrail/db";
import type { Services } from "../../context";
import { ApiError } from "../../errors";
import { type SealedCredential, sealedColumns, sealedRow } from "../../secrets/credentials";

/** Whose webhook this is, read before trust: the signature decides whether to believe it. */
export interface WebhookTenant {
  accountId: string;
  numberId: string | null;
  /** The tracking number's forward target, when the number is known, active and has one. */
  forwardTo: string | null;
  /** Null when the account has not configured this carrier: nothing can verify the request. */
  credential: SealedCredential | null;
  /** The call flow that routes the number's calls: its id and active version. */
  flow: { id: string; version: number } | null;
}

const CREDENTIAL_JOIN = `LEFT JOIN carrier_credentials cc ON cc.account_id = t.account_id AND cc.carrier = ?`;

function tenant(row: Row, numberId: string | null, forwardTo: string | null): WebhookTenant {
  return {
    accountId: String(row.account_id),
    numberId,
    forwardTo,
    credential: row.cred_account === null ? null : sealedRow(row),
    flow:
      row.flow_id === undefined || row.flow_id === null || row.flow_version === null
        ? null
        : { id: String(row.flow_id), version: Number(row.flow_version) },
  };
}

/** The account that owns the dialed number (E.164 is unique across accounts). */
export async function tenantByNumber(
  client: Queryable,
  carrier: string,
  to: string,
): Promise<WebhookTenant | null> {
  const res = await client.execute({
    sql: `SELECT t.id, t.account_id, t.forward_to, t.status, ${sealedColumns("cc")},
        f.id AS flow_id, f.active_version AS flow_version
      FROM numbers t ${CREDENTIAL_JOIN}
      LEFT JOIN call_flows f ON f.id = t.call_flow_id AND f.account_id = t.account_id
      WHERE t.e164 = ?`,
    args: [carrier, to],
  });
  const row = res.rows[0];
  if (!row) return null;
  // A quarantined number is cooling off after a campaign: no new visitor is shown it, but a
  // late caller from an old ad is still a customer and is put through. A retired one is not.
  const inService = row.status !== "retired";
  const forwardTo = inService && row.forward_to !== null ? String(row.forward_to) : null;
  const found = tenant(row, String(row.id), forwardTo);
  return inService ? found : { ...found, flow: null };
}

/** The account of a call we stored earlier, for status callbacks (recordings carry no `To`). */
export async function tenantByCall(
  client: Queryable,
  carrier: string,
  carrierCallId: string,
): Promise<WebhookTenant | null> {
  const res = await client.execute({
    sql: `SELECT t.account_id, t.number_id, ${sealedColumns("cc")}
      FROM calls t ${CREDENTIAL_JOIN} WHERE t.carrier = ? AND t.carrier_call_id = ?`,
    args: [carrier, carrier, carrierCallId],
  });
  const row = res.rows[0];
  if (!row) return null;
  return tenant(row, row.number_id === null ? null : String(row.number_id), null);
}

/**
 * Accounts whose credentials name the carrier account the webhook says it came from (Twilio
 * `AccountSid`, SignalWire project). Only these can vouch for a call to a number nobody has
 * registered; several tenants may share one carrier account, so the first that verifies wins.
 */
async function tenantsByCarrierAccount(
  client: Queryable,
  carrier: string,
  carrierAccount: string,
): Promise<WebhookTenant[]> {
  const res = await client.execute({
    sql: `SELECT t.account_id, ${sealedColumns("t")} FROM carrier_credentials t
      WHERE t.carrier = ? AND t.carrier_account = ? ORDER BY t.account_id LIMIT 10`,
    args: [carrier, carrierAccount],
  });
  return res.rows.map((row) => tenant(row, null, null));
}

/**
 * Checks the signature with the tenant's secret. Throws 403 `bad_signature` when the request
 * is unsigned, mis-signed, stale, or the account has no credentials for this carrier.
 */
export async function verifyFor(
  services: Services,
  adapter: CarrierAdapter,
  req: SignedRequest,
  found: WebhookTenant,
): Promise<void> {
  if (!found.credential) {
    throw new ApiError("bad_signature", `No ${adapter.name} credentials to verify this webhook`);
  }
  const { secret } = await services.credentials.open(found.credential);
  const result = await adapter.verify(req, secret, services.now());
  if (!result.ok) throw new ApiError("bad_signature", result.message);
}

/**
 * For a dialed number nobody registered: the tenant whose credentials verify the request,
 * or null when no tenant can (then nothing may be stored). Throws 403 when candidates exist
 * and none of them signed it.
 */
export async function verifiedUnknownNumberTenant(
  services: Services,
  adapter: CarrierAdapter,
  req: SignedRequest,
  identity: Identity,
): Promise<WebhookTenant | null> {
  if (!identity.accountId) return null;
  const candidates = await tenantsByCarrierAccount(
    services.database.reads,
    adapter.name,
    identity.accountId,
  );
  let failure: unknown = null;
  for (const candidate of candidates) {
    try {
      await verifyFor(services, adapter, req, candidate);
      return candidate;
    } catch (err) {
      failure = err;
    }
  }
  if (failure) throw failure;
  return null;
}
