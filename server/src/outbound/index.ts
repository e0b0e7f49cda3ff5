import type { InStatement } from "@libsql/client";
import { newId } from "@ringtrail/db";
import { enqueueStatement } from "../jobs/queue";
import { WEBHOOK_FANOUT_JOB } from "./kinds";

export { webhookJobHandlers } from "./deliver";
export { WebhookEndpointStore } from "./endpoint-store";
export { WEBHOOK_DELIVERY_JOB, WEBHOOK_FANOUT_JOB } from "./kinds";

export interface OutboundWebhook {
  accountId: string;
  /** Dotted event type, e.g. `request.routed`, `interaction.processed`. */
  event: string;
  data: Record<string, unknown>;
  /** Makes queueing idempotent (a retried request queues its webhook once); null for none. */
  key: string | null;
  now: number;
}

/**
 * The statement that queues a webhook, to batch with the write that causes it: both commit or
 * neither does. A job fans it out to the endpoints subscribed at delivery time, each endpoint
 * with its own retries, all under one message id so receivers can drop duplicates.
 */
export function outboundWebhookStatement(hook: OutboundWebhook): InStatement {
  return enqueueStatement({
    kind: WEBHOOK_FANOUT_JOB,
    key: hook.key === null ? null : `webhook:${hook.accountId}:${hook.key}`,
    now: hook.now,
    payload: {
      account_id: hook.accountId,
      message_id: newId("msg", hook.now),
      event: hook.event,
      occurred_at: new Date(hook.now).toISOString(),
      data: hook.data,
    },
  });
}
