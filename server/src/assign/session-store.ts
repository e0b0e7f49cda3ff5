import { formatDisplay } from "@ringtrail/core/phone";
import type { Queryable } from "@ringtrail/db";
import type { SessionState } from "./session-cache";

const SESSION_COLUMNS =
  "id, account_id, site_id, visitor_id, pool_id, last_seen_at, channel, source, medium, campaign, region, country, device";

/** Reads a session that this process has not seen (another instance served it). */
export async function loadSession(
  client: Queryable,
  sessionId: string,
  now: number,
): Promise<SessionState | null> {
  const res = await client.execute({
    sql: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`,
    args: [sessionId],
  });
  return res.rows[0] ? withLeases(client, res.rows[0], now) : null;
}

export async function loadVisitorSession(
  client: Queryable,
  siteId: string,
  visitorId: string,
  now: number,
): Promise<SessionState | null> {
  const res = await client.execute({
    sql: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE visitor_id = ? AND site_id = ? ORDER BY started_at DESC LIMIT 1`,
    args: [visitorId, siteId],
  });
  return res.rows[0] ? withLeases(client, res.rows[0], now) : null;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function withLeases(client: Queryable, r: Row, now: number): Promise<SessionState> {
  const leases = await client.execute({
    sql: `SELECT l.target, l.number_id, n.e164 FROM leases l JOIN numbers n ON n.id = l.number_id
      WHERE l.session_id = ? AND l.released_at IS NULL AND l.until > ?`,
    args: [String(r.id), now],
  });
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    siteId: String(r.site_id),
    visitorId: str(r.visitor_id),
    poolId: str(r.pool_id),
    lastSeenAt: Number(r.last_seen_at),
    touch: {
      channel: r.channel as SessionState["touch"]["channel"],
      source: str(r.source),
      medium: str(r.medium),
      campaign: str(r.campaign),
    },
    region: str(r.region),
    country: str(r.country),
    device: r.device as SessionState["device"],
    swaps: leases.rows.map((l) => ({
      target: String(l.target),
      numberId: String(l.number_id),
      number: String(l.e164),
      display: formatDisplay(String(l.e164)),
    })),
  };
}
