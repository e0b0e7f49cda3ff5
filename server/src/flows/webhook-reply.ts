import type { CarrierAdapter, RenderedReply, RoutingDecision } from "@ringtrail/carriers";
import type { Services } from "../context";
import type { FlowCall } from "./call-data";
import { executeFlow, type FlowRun } from "./execute";
import { storedReply, traceStatements } from "./trace-store";

export interface FlowReplyRequest {
  adapter: CarrierAdapter;
  run: FlowRun;
  /** `voice`, or the callback's stage: a retried webhook of the same stage gets the same reply. */
  stage: string;
  /** Where the call goes when the flow itself cannot be read. */
  unreadable: () => RoutingDecision;
  /** Speech heard at this stage, scored, to store on the call. */
  speech?: { score: number; confidence: number };
}

/**
 * Runs the flow for one webhook and stores its trace with the reply, then answers with the
 * reply as stored: a retry (even a concurrent one) gets the first reply, and no second trace.
 */
export async function flowReply(services: Services, r: FlowReplyRequest): Promise<RenderedReply> {
  const call: FlowCall = r.run.call;
  const earlier = await storedReply(services, call.callId, r.stage);
  if (earlier) return earlier;
  const outcome = await executeFlow(services, r.run, r.unreadable);
  const reply = r.adapter.render(outcome.routing);
  const results = await services.writer.write(
    traceStatements({
      accountId: call.accountId,
      callId: call.callId,
      stage: r.stage,
      flowId: r.run.flowId,
      version: r.run.version,
      outcome,
      reply,
      now: call.now,
      ...(r.speech && { speech: r.speech }),
    }),
  );
  const row = results.at(-1)?.rows[0];
  return row ? { body: String(row.reply), contentType: String(row.reply_type) } : reply;
}
