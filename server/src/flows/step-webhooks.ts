import type { InStatement } from "@libsql/client";
import type { TraceEntry } from "@ringtrail/core/flow";
import { newId } from "@ringtrail/db";
import type { Services } from "../context";
import { enqueueStatement } from "../jobs/queue";
import { WEBHOOK_DELIVERY_JOB } from "../outbound/index";

export interface StepWebhookCall {
  accountId: string;
  callId: string;
  stage: string;
  from: string;
  to: string;
  tags: Record<string, string>;
  now: number;
}

/**
 * A flow's `webhook` steps post the call to their URL, signed like every outbound webhook:
 * the URL must be one of the account's registered webhook endpoints (its secret signs the
 * delivery, and the receiver verifies with it). Each is one durable delivery job, keyed by
 * call, stage and endpoint, so a retried carrier webhook sends nothing twice. URLs that are
 * not registered endpoints are noted in the trace and not called.
 */
export async function stepWebhookStatements(
  services: Services,
  call: StepWebhookCall,
  urls: readonly string[],
  trace: TraceEntry[],
): Promise<InStatement[]> {
  if (urls.length === 0) return [];
  const res = await services.database.reads.execute({
    sql: `SELECT id, url FROM webhook_endpoints WHERE account_id = ? AND url IN (${urls.map(() => "?").join(", ")})`,
    args: [call.accountId, ...urls],
  });
  const byUrl = new Map(res.rows.map((r) => [String(r.url), String(r.id)]));
  const out: InStatement[] = [];
  for (const url of new Set(urls)) {
    const endpointId = byUrl.get(url);
    if (!endpointId) {
      trace.push({
        step: "",
        event: "error",
        detail: `webhook ${url} is not one of the account's webhook endpoints; not sent`,
      });
      continue;
    }
    const messageId = newId("msg", call.now);
    const body = JSON.stringify({
      type: "call.flow_webhook",
      timestamp: new Date(call.now).toISOString(),
      data: { call: call.callId, from: call.from, to: call.to, tags: call.tags },
    });
    out.push(
      enqueueStatement({
        kind: WEBHOOK_DELIVERY_JOB,
        key: `flow:${call.callId}:${call.stage}:${endpointId}`,
        now: call.now,
        payload: {
          account_id: call.accountId,
          endpoint_id: endpointId,
          message_id: messageId,
          body,
        },
      }),
    );
  }
  return out;
}
