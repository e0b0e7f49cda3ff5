import type { InStatement } from "@libsql/client";
import type { RenderedReply } from "@ringtrail/carriers";
import { newId } from "@ringtrail/db";
import type { Services } from "../context";
import type { FlowOutcome } from "./execute";

/** The reply stored for this webhook stage of the call, when a retry already produced one. */
export async function storedReply(
  services: Services,
  callId: string,
  stage: string,
): Promise<RenderedReply | null> {
  const res = await services.database.client.execute({
    sql: "SELECT reply, reply_type FROM flow_traces WHERE call_id = ? AND stage = ?",
    args: [callId, stage],
  });
  const row = res.rows[0];
  return row ? { body: String(row.reply), contentType: String(row.reply_type) } : null;
}

export interface TraceWrite {
  accountId: string;
  callId: string;
  stage: string;
  flowId: string;
  version: number;
  outcome: FlowOutcome;
  reply: RenderedReply;
  now: number;
  /** Speech heard at this stage, scored: stored on the call for this caller's later history. */
  speech?: { score: number; confidence: number };
}

/**
 * The trace row (first writer wins: a concurrent retry keeps the first reply) and a read of
 * the stored reply, to run in one batch; the last statement's row is the reply to send.
 */
export function traceStatements(w: TraceWrite): InStatement[] {
  const stmts: InStatement[] = [
    {
      sql: `INSERT INTO flow_traces (id, account_id, call_id, stage, flow_id, version, decision, trace,
          reply, reply_type, fallback, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id, stage) DO NOTHING`,
      args: [
        newId("trc", w.now),
        w.accountId,
        w.callId,
        w.stage,
        w.flowId,
        w.version,
        JSON.stringify(w.outcome.decision),
        JSON.stringify(w.outcome.trace),
        w.reply.body,
        w.reply.contentType,
        w.outcome.fallback ? 1 : 0,
        w.now,
      ],
    },
  ];
  if (w.speech) {
    stmts.push({
      sql: "UPDATE calls SET speech_sentiment = ?, speech_confidence = ? WHERE id = ?",
      args: [w.speech.score, w.speech.confidence, w.callId],
    });
  }
  stmts.push({
    sql: "SELECT reply, reply_type FROM flow_traces WHERE call_id = ? AND stage = ?",
    args: [w.callId, w.stage],
  });
  return stmts;
}

export interface StoredTrace {
  stage: string;
  flow: string | null;
  version: number | null;
  at: string;
  fallback: boolean;
  decision: unknown;
  trace: unknown[];
}

/** A call's decisions in order, for the API. */
export async function callTraces(services: Services, callId: string): Promise<StoredTrace[]> {
  const res = await services.database.reads.execute({
    sql: `SELECT stage, flow_id, version, at, fallback, decision, trace FROM flow_traces
      WHERE call_id = ? ORDER BY at, rowid`,
    args: [callId],
  });
  return res.rows.map((r) => ({
    stage: String(r.stage),
    flow: r.flow_id === null ? null : String(r.flow_id),
    version: r.version === null ? null : Number(r.version),
    at: new Date(Number(r.at)).toISOString(),
    fallback: Number(r.fallback) === 1,
    decision: JSON.parse(String(r.decision)) as unknown,
    trace: JSON.parse(String(r.trace)) as unknown[],
  }));
}
