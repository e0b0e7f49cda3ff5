import type { Client } from "@libsql/client";
import {
  type InteractionChannel,
  type Medium,
  type MediumAttempt,
  MIRROR_MEDIUM,
} from "@ringtrail/core/intel";

export interface AttributedSession {
  session: string;
  channel: string;
  source: string | null;
  campaign: string | null;
  call: string;
  weight: number;
}

/** What Ringtrail knew about the customer when the interaction came in. */
export interface Supplemental {
  earlierInteractions: number;
  /** The latest few, newest first. */
  recent: {
    id: string;
    channel: InteractionChannel;
    occurred_at: string;
    subject: string | null;
  }[];
  /** Sessions that the customer's calls were credited to (last-touch model). */
  sessions: AttributedSession[];
  /** Marketing channels of those sessions, most credit first. */
  channels: string[];
  /** Earlier outreach and whether the customer answered (see `mediumHistory`). */
  history: MediumAttempt[];
}

/**
 * A customer's medium history from their interactions, oldest first: each one is a medium they
 * used themselves (answered), and each response we chose counts as answered when they came
 * back later on that medium, unanswered when they came back on another or not at all.
 */
export function mediumHistory(
  rows: readonly { channel: InteractionChannel; medium: Medium | null }[],
): MediumAttempt[] {
  const attempts: MediumAttempt[] = [];
  rows.forEach((row, i) => {
    attempts.push({ medium: MIRROR_MEDIUM[row.channel], answered: true });
    if (row.medium === null) return;
    const next = rows[i + 1];
    attempts.push({
      medium: row.medium,
      answered: next !== undefined && MIRROR_MEDIUM[next.channel] === row.medium,
    });
  });
  return attempts;
}

/**
 * Gathers the customer's earlier interactions (by phone or email) before `before`, and the
 * sessions and channels their calls were attributed to.
 */
export async function gatherSupplemental(
  client: Client,
  accountId: string,
  customer: { phone: string | null; email: string | null },
  before: number,
): Promise<Supplemental> {
  const { rows } = await client.execute({
    sql: `SELECT id, channel, occurred_at, json_extract(result, '$.action.subject') AS subject,
        json_extract(result, '$.action.medium') AS medium
      FROM interactions WHERE account_id = ? AND occurred_at < ?
        AND ((customer_phone IS NOT NULL AND customer_phone = ?) OR (customer_email IS NOT NULL AND customer_email = ?))
      ORDER BY occurred_at, id LIMIT 500`,
    args: [accountId, before, customer.phone, customer.email],
  });
  const earlier = rows.map((r) => ({
    id: String(r.id),
    channel: String(r.channel) as InteractionChannel,
    occurredAt: Number(r.occurred_at),
    subject: r.subject === null ? null : String(r.subject),
    medium: r.medium === null ? null : (String(r.medium) as Medium),
  }));
  const sessions: AttributedSession[] = [];
  if (customer.phone !== null) {
    const credit = await client.execute({
      sql: `SELECT a.call_id, a.touch_session_id, a.channel, a.source, a.campaign, a.weight
        FROM calls c JOIN attributions a ON a.call_id = c.id AND a.model = 'last'
        WHERE c.account_id = ? AND c."from" = ? AND c.started_at < ?
        ORDER BY c.started_at DESC LIMIT 50`,
      args: [accountId, customer.phone, before],
    });
    for (const r of credit.rows) {
      sessions.push({
        session: String(r.touch_session_id),
        channel: String(r.channel),
        source: r.source === null ? null : String(r.source),
        campaign: r.campaign === null ? null : String(r.campaign),
        call: String(r.call_id),
        weight: Number(r.weight),
      });
    }
  }
  const byChannel = new Map<string, number>();
  for (const s of sessions) byChannel.set(s.channel, (byChannel.get(s.channel) ?? 0) + s.weight);
  return {
    earlierInteractions: earlier.length,
    recent: earlier
      .slice(-5)
      .reverse()
      .map((e) => ({
        id: e.id,
        channel: e.channel,
        occurred_at: new Date(e.occurredAt).toISOString(),
        subject: e.subject,
      })),
    sessions,
    channels: [...byChannel.entries()].sort((a, b) => b[1] - a[1]).map(([channel]) => channel),
    history: mediumHistory(earlier),
  };
}
