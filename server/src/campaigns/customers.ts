import type { Client } from "@libsql/client";
import type { AttributeValue, TargetCustomer } from "@ringtrail/core/intel";
import { parsePhone } from "@ringtrail/core/phone";

export interface KnownCustomer extends TargetCustomer {
  email: string | null;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Everyone the account's data knows, keyed by phone (else email), in key order so an audience
 * snapshot is deterministic: the customers that interactions recorded (place and attributes
 * as the account gave them), and callers, placed by the carrier's caller data (region, ZIP)
 * and by the geo-IP of the web session their latest call was matched to. What the account
 * said wins; calls fill in what it did not say.
 */
export async function knownCustomers(client: Client, accountId: string): Promise<KnownCustomer[]> {
  const byKey = new Map<string, KnownCustomer>();
  const own = await client.execute({
    sql: `SELECT key, phone, email, country, region, postal_code, lat, lon, attributes
      FROM customers WHERE account_id = ?`,
    args: [accountId],
  });
  for (const r of own.rows) {
    const key = String(r.key);
    byKey.set(key, {
      id: key,
      phone: str(r.phone),
      email: str(r.email),
      country: str(r.country),
      region: str(r.region),
      postal: str(r.postal_code),
      lat: num(r.lat),
      lon: num(r.lon),
      attributes: JSON.parse(String(r.attributes)) as Record<string, AttributeValue>,
    });
  }
  // Each caller's latest non-test call, with the session its latest matching liked best.
  const callers = await client.execute({
    sql: `SELECT c."from" AS phone, c.caller_country, c.caller_region, c.caller_zip,
        s.country AS s_country, s.region AS s_region, s.lat, s.lon
      FROM calls c
      LEFT JOIN sessions s ON s.id = (SELECT m.session_id FROM call_matches m
        WHERE m.call_id = c.id AND m.session_id LIKE 'ses_%' AND m.phase = COALESCE(c.match_phase, 'start')
        ORDER BY m.probability DESC LIMIT 1)
      WHERE c.account_id = ? AND c.is_test = 0 AND c.started_at = (SELECT max(p.started_at)
        FROM calls p WHERE p.account_id = c.account_id AND p."from" = c."from")`,
    args: [accountId],
  });
  for (const r of callers.rows) {
    const parsed = parsePhone(String(r.phone));
    if (!parsed.ok) continue;
    const known = byKey.get(parsed.e164);
    const fromCall: KnownCustomer = {
      id: parsed.e164,
      phone: parsed.e164,
      email: null,
      country: str(r.caller_country) ?? str(r.s_country),
      region: str(r.caller_region) ?? str(r.s_region),
      postal: str(r.caller_zip),
      lat: num(r.lat),
      lon: num(r.lon),
      attributes: {},
    };
    if (!known) {
      byKey.set(parsed.e164, fromCall);
      continue;
    }
    known.country ??= fromCall.country;
    known.region ??= fromCall.region;
    known.postal ??= fromCall.postal;
    if (known.lat == null || known.lon == null) {
      known.lat = fromCall.lat;
      known.lon = fromCall.lon;
    }
  }
  return [...byKey.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
