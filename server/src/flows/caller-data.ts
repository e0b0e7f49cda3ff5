import { callerSentiment } from "@ringtrail/core/intel";
import type { Services } from "../context";
import { lookupTable } from "../sources/tables";

/** Earlier calls that feed the history; older ones weigh almost nothing at a 30-day half-life. */
const HISTORY_LIMIT = 50;

export interface CallerQuery {
  accountId: string;
  /** E.164 or "anonymous". */
  from: string;
  /** This call's id: it is not part of its own history. */
  callId: string;
  now: number;
  /** Speech heard in this call's menus, with the recogniser's confidence. */
  speech?: { text: string; confidence: number };
}

/**
 * The `caller` source: this caller's earlier calls, VIP / blocked flags from the account's
 * `vip` and `blocked` tables, and `sentiment.total`, the time-weighted history of their
 * earlier calls' speech and their interactions (messages, chats, transcripts) combined with
 * this call's speech (weighted by confidence).
 */
export async function callerData(services: Services, q: CallerQuery) {
  const anonymous = q.from === "anonymous";
  if (anonymous) {
    return {
      number: null,
      anonymous,
      calls: 0,
      last_call_at: null,
      vip: false,
      blocked: false,
      sentiment: callerSentiment([], q.speech, q.now),
    };
  }
  const [history, interactions, vip, blocked] = await Promise.all([
    services.database.reads.execute({
      sql: `SELECT started_at, speech_sentiment FROM calls
        WHERE account_id = ? AND "from" = ? AND id != ? AND started_at <= ?
        ORDER BY started_at DESC LIMIT ?`,
      args: [q.accountId, q.from, q.callId, q.now, HISTORY_LIMIT],
    }),
    // Sentiment the interaction models gave this customer's messages, chats and transcripts.
    services.database.reads.execute({
      sql: `SELECT i.occurred_at AS at, json_extract(m.value, '$.output.score') AS score
        FROM interactions i, json_each(i.result, '$.models') m
        WHERE i.account_id = ? AND i.customer_phone = ? AND i.occurred_at <= ?
          AND (i.call_id IS NULL OR i.call_id != ?)
          AND json_extract(m.value, '$.model') = 'sentiment'
        ORDER BY i.occurred_at DESC LIMIT ?`,
      args: [q.accountId, q.from, q.now, q.callId, HISTORY_LIMIT],
    }),
    lookupTable(services, q.accountId, "vip", q.from),
    lookupTable(services, q.accountId, "blocked", q.from),
  ]);
  const past = history.rows
    .filter((r) => r.speech_sentiment !== null)
    .map((r) => ({ score: Number(r.speech_sentiment), at: Number(r.started_at) }))
    .concat(
      interactions.rows
        .filter((r) => r.score !== null)
        .map((r) => ({ score: Number(r.score), at: Number(r.at) })),
    );
  const last = history.rows[0];
  return {
    number: q.from,
    anonymous,
    calls: history.rows.length,
    last_call_at: last ? new Date(Number(last.started_at)).toISOString() : null,
    vip: vip.listed,
    blocked: blocked.listed,
    sentiment: callerSentiment(past, q.speech, q.now),
  };
}
