import type { Services } from "../context";
import { accountAllowList, allowListOrigin } from "../sources/allow-list";
import { lookupTable, TABLE_NAME } from "../sources/tables";

/**
 * Where the state of a customer's managed device or account comes from, as in call flows: a
 * row of one of the account's lookup tables keyed by the customer (phone, else email), or a
 * JSON GET from an allow-listed origin with `{customer}` in its URL.
 */
export type CustomerStateSource =
  | { kind: "table"; table: string }
  | { kind: "http"; url: string; timeout_ms: number; ttl_s: number };

export interface CustomerState {
  source: "table" | "http";
  /** False when the table has no row for the customer or the fetch failed. */
  found: boolean;
  value: unknown;
  /** Why nothing was found over http (status, timeout, not on the allow-list). */
  reason: string | null;
}

const MODEL_ROW = "customer_state";

/** Why the source cannot be saved, or null when it can. */
export async function customerStateSourceError(
  services: Services,
  accountId: string,
  source: CustomerStateSource,
): Promise<string | null> {
  if (source.kind === "table") {
    return TABLE_NAME.test(source.table) ? null : "table is lowercase letters, digits and _";
  }
  let url: URL;
  try {
    url = new URL(source.url.replaceAll("{customer}", "x"));
  } catch {
    return "url is not a URL";
  }
  const origin = allowListOrigin(url.origin, services.loopbackHttp);
  const allowed = await accountAllowList(services, accountId);
  if (!origin || !allowed.includes(origin)) {
    return `${url.origin} is not on the account's http allow-list (PUT /v1/http-allow-list)`;
  }
  return null;
}

/** The statement that saves (or, with null, removes) the account's source. */
export function saveCustomerStateSource(
  accountId: string,
  source: CustomerStateSource | null,
  now: number,
) {
  if (source === null) {
    return {
      sql: "DELETE FROM intel_models WHERE account_id = ? AND model = ?",
      args: [accountId, MODEL_ROW],
    };
  }
  return {
    sql: `INSERT INTO intel_models (account_id, model, state, version, updated_at) VALUES (?, ?, ?, 1, ?)
      ON CONFLICT (account_id, model) DO UPDATE SET state = excluded.state,
        version = intel_models.version + 1, updated_at = excluded.updated_at`,
    args: [accountId, MODEL_ROW, JSON.stringify(source), now],
  };
}

export async function loadCustomerStateSource(
  services: Services,
  accountId: string,
): Promise<CustomerStateSource | null> {
  const { rows } = await services.database.client.execute({
    sql: "SELECT state FROM intel_models WHERE account_id = ? AND model = ?",
    args: [accountId, MODEL_ROW],
  });
  return rows[0] ? (JSON.parse(String(rows[0].state)) as CustomerStateSource) : null;
}

/** The customer's state from the account's source; null when the account has none. */
export async function customerState(
  services: Services,
  accountId: string,
  customerKey: string | null,
): Promise<CustomerState | null> {
  const source = await loadCustomerStateSource(services, accountId);
  if (source === null || customerKey === null) return null;
  if (source.kind === "table") {
    const row = await lookupTable(services, accountId, source.table, customerKey);
    return { source: "table", found: row.listed, value: row.value, reason: null };
  }
  const result = await services.httpSources.get({
    accountId,
    allowList: await accountAllowList(services, accountId),
    url: source.url.replaceAll("{customer}", encodeURIComponent(customerKey)),
    timeoutMs: source.timeout_ms,
    ttlS: source.ttl_s,
  });
  return result.ok
    ? { source: "http", found: true, value: result.value, reason: null }
    : { source: "http", found: false, value: null, reason: result.reason };
}
