import { scoreSentiment, totalSentiment } from "@ringtrail/core/intel";
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
 * earlier calls' speech sentiment combined with this call's (weighted by confidence).
 */
export async function callerData(services: Services, q: CallerQuery) {
  const anonymous = q.from === "anonymous";
  const current = q.speech
    ? { score: scoreSentiment(q.speech.text).score, confidence: q.speech.confidence }
    : undefined;
  if (anonymous) {
    const total = totalSentiment([], current, q.now);
    return {
      number: null,
      anonymous,
      calls: 0,
      last_call_at: null,
      vip: false,
      blocked: false,
      sentiment: sentimentData(total, current, 0),
    };
  }
  const [history, vip, blocked] = await Promise.all([
    services.database.reads.execute({
      sql: `SELECT started_at, speech_sentiment FROM calls
        WHERE account_id = ? AND "from" = ? AND id != ? AND started_at <= ?
        ORDER BY started_at DESC LIMIT ?`,
      args: [q.accountId, q.from, q.callId, q.now, HISTORY_LIMIT],
    }),
    lookupTable(services, q.accountId, "vip", q.from),
    lookupTable(services, q.accountId, "blocked", q.from),
  ]);
  const past = history.rows
    .filter((r) => r.speech_sentiment !== null)
    .map((r) => ({ score: Number(r.speech_sentiment), at: Number(r.started_at) }));
  const total = totalSentiment(past, current, q.now);
  const last = history.rows[0];
  return {
    number: q.from,
    anonymous,
    calls: history.rows.length,
    last_call_at: last ? new Date(Number(last.started_at)).toISOString() : null,
    vip: vip.listed,
    blocked: blocked.listed,
    sentiment: sentimentData(total, current, past.length),
  };
}

function sentimentData(
  total: { score: number; weight: number },
  current: { score: number; confidence: number } | undefined,
  history: number,
) {
  return {
    total: total.score,
    weight: total.weight,
    current: current?.score ?? null,
    confidence: current?.confidence ?? null,
    history,
  };
}
