import type { z } from "@hono/zod-openapi";
import type { Client, InStatement } from "@libsql/client";
import { formatDisplay, parsePhone, phoneRegion } from "@ringtrail/core/phone";
import { newId, type TrackingNumber } from "@ringtrail/db";
import { iso } from "../iso";
import type { CreateNumberBody, NumberSchema } from "./schemas";

export function renderNumber(n: TrackingNumber, now: number): z.infer<typeof NumberSchema> {
  return {
    id: n.id,
    number: n.e164,
    display: formatDisplay(n.e164),
    carrier: n.carrier,
    pool: n.poolId,
    region: n.region,
    kind: n.kind,
    status: n.status,
    forward_to: n.forwardTo,
    leased: n.leasedUntil > now,
    created_at: iso(n.createdAt)!,
  };
}

/** The row a validated request becomes: region and kind come from the number itself. */
export function numberInsert(
  accountId: string,
  body: CreateNumberBody,
  now: number,
): { id: string; stmt: InStatement } {
  const id = newId("num");
  const parsed = parsePhone(body.number);
  const kind = body.kind ?? (parsed.ok && parsed.type === "toll_free" ? "toll_free" : "local");
  return {
    id,
    stmt: {
      sql: `INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, forward_to, leased_until, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      args: [
        id,
        accountId,
        body.pool,
        body.number,
        body.carrier,
        phoneRegion(body.number),
        kind,
        body.status,
        body.forward_to,
        now,
      ],
    },
  };
}

/** Which of these E.164 numbers are already registered (by any account: a number rings for one). */
export async function existingNumbers(client: Client, e164s: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < e164s.length; i += 500) {
    const chunk = e164s.slice(i, i + 500);
    const res = await client.execute({
      sql: `SELECT e164 FROM numbers WHERE e164 IN (${chunk.map(() => "?").join(",")})`,
      args: chunk,
    });
    for (const r of res.rows) found.add(String(r.e164));
  }
  return found;
}

/** Pool ids among `ids` that belong to the account. */
export async function ownedPools(
  client: Client,
  accountId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await client.execute({
    sql: `SELECT id FROM pools WHERE account_id = ? AND id IN (${ids.map(() => "?").join(",")})`,
    args: [accountId, ...ids],
  });
  return new Set(res.rows.map((r) => String(r.id)));
}
