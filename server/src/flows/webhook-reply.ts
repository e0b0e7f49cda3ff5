import type { CarrierAdapter, RenderedReply, RoutingDecision } from "@ringtrail/carriers";
import type { Services } from "../context";
import type { FlowCall } from "./call-data";
import { executeFlow, type FlowRun } from "./execute";
import { stepWebhookStatements } from "./step-webhooks";
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
  try {
    return await runAndStore(services, r);
  } catch (error) {
    // The database or the flow failed in a way the run could not absorb: the caller still
    // reaches the number's target instead of hearing the carrier's error message.
    services.log.log("error", "call flow reply failed", {
      error: String(error instanceof Error ? error.stack : error),
    });
    return r.adapter.render(r.unreadable());
  }
}

async function runAndStore(services: Services, r: FlowReplyRequest): Promise<RenderedReply> {
  const call: FlowCall = r.run.call;
  const earlier = await storedReply(services, call.callId, r.stage);
  if (earlier) return earlier;
  const outcome = await executeFlow(services, r.run, r.unreadable);
  const reply = r.adapter.render(outcome.routing);
  const webhooks = await stepWebhookStatements(
    services,
    {
      accountId: call.accountId,
      callId: call.callId,
      stage: r.stage,
      from: call.from,
      to: call.to,
      tags: outcome.decision?.tags ?? {},
      now: call.now,
    },
    outcome.decision?.webhooks ?? [],
    outcome.trace,
  );
  const results = await services.writer.write([
    ...webhooks,
    ...traceStatements({
      accountId: call.accountId,
      callId: call.callId,
      stage: r.stage,
      flowId: r.run.flowId,
      version: r.run.version,
      outcome,
      reply,
      now: call.now,
      call: { carrier: r.run.carrier, from: call.from, to: call.to },
      ...(r.speech && { speech: r.speech }),
    }),
  ]);
  const row = results.at(-1)?.rows[0];
  return row ? { body: String(row.reply), contentType: String(row.reply_type) } : reply;
}
