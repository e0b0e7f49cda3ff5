import type { Client, Value } from "@libsql/client";
import { newId } from "@ringtrail/db";
import type { SecretBox } from "../secrets/box";
import { newSigningSecret } from "./signature";

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  createdAt: number;
}

/** An endpoint as a delivery needs it: where to, and the opened signing secret. */
export interface DeliveryTarget {
  url: string;
  secret: string;
}

const aad = (accountId: string, endpointId: string) => `${accountId}:${endpointId}`;

function view(row: Record<string, Value>): WebhookEndpointView {
  return {
    id: String(row.id),
    url: String(row.url),
    events: JSON.parse(String(row.events)) as string[],
    createdAt: Number(row.created_at),
  };
}

/**
 * Account webhook endpoints with their signing secrets sealed at rest, bound to the row
 * (account and endpoint id) so a blob copied elsewhere does not open.
 */
export class WebhookEndpointStore {
  constructor(
    private readonly client: Client,
    private readonly box: SecretBox,
  ) {}

  /** Creates an endpoint; the secret is returned here and never again. */
  async create(
    accountId: string,
    url: string,
    events: readonly string[],
    now: number,
  ): Promise<WebhookEndpointView & { secret: string }> {
    const id = newId("whe", now);
    const secret = newSigningSecret();
    const sealed = await this.box.seal(secret, aad(accountId, id));
    await this.client.execute({
      sql: `INSERT INTO webhook_endpoints (id, account_id, url, events, secret, key_version, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`,
      args: [id, accountId, url, JSON.stringify(events), sealed, this.box.version, now],
    });
    return { id, url, events: [...events], createdAt: now, secret };
  }

  async list(accountId: string): Promise<WebhookEndpointView[]> {
    const { rows } = await this.client.execute({
      sql: "SELECT id, url, events, created_at FROM webhook_endpoints WHERE account_id = ? ORDER BY id",
      args: [accountId],
    });
    return rows.map(view);
  }

  /** False when no endpoint of this account has the id (another tenant's ids included). */
  async remove(accountId: string, id: string): Promise<boolean> {
    const res = await this.client.execute({
      sql: "DELETE FROM webhook_endpoints WHERE account_id = ? AND id = ?",
      args: [accountId, id],
    });
    return res.rowsAffected > 0;
  }

  /** Ids of the account's endpoints subscribed to `event` (or to everything). */
  async subscribers(accountId: string, event: string): Promise<string[]> {
    const { rows } = await this.client.execute({
      sql: `SELECT id FROM webhook_endpoints WHERE account_id = ?
        AND EXISTS (SELECT 1 FROM json_each(events) WHERE value IN (?, '*')) ORDER BY id`,
      args: [accountId, event],
    });
    return rows.map((r) => String(r.id));
  }

  /** Null when the endpoint was deleted since the delivery was queued. */
  async target(accountId: string, id: string): Promise<DeliveryTarget | null> {
    const { rows } = await this.client.execute({
      sql: "SELECT url, secret, key_version FROM webhook_endpoints WHERE account_id = ? AND id = ?",
      args: [accountId, id],
    });
    const row = rows[0];
    if (!row) return null;
    const blob = row.secret;
    if (!(blob instanceof ArrayBuffer)) throw new Error("endpoint secret is not binary");
    const secret = await this.box.open(
      new Uint8Array(blob),
      aad(accountId, id),
      Number(row.key_version),
    );
    return { url: String(row.url), secret };
  }
}
