import type { Client } from "@libsql/client";
import { enqueueStatement } from "../jobs/queue";
import { type ClaimedJob, type JobHandler, PermanentJobError } from "../jobs/worker";
import type { WebhookEndpointStore } from "./endpoint-store";
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_FANOUT_JOB } from "./kinds";
import { resolvesPrivate } from "./resolves-private";
import { signWebhook } from "./signature";

export interface WebhookJobOptions {
  client: Client;
  endpoints: WebhookEndpointStore;
  now: () => number;
  /** The signature's timestamp is checked against the receiver's wall clock, not sim time. */
  wallClock?: () => number;
  timeoutMs?: number;
}

function text(job: ClaimedJob, name: string): string {
  const value = job.payload[name];
  if (typeof value !== "string" || value === "") {
    throw new PermanentJobError(`payload.${name} is missing`);
  }
  return value;
}

/** Fans a queued webhook out to one delivery job per subscribed endpoint, then delivers each. */
export function webhookJobHandlers(options: WebhookJobOptions): Record<string, JobHandler> {
  const wallClock = options.wallClock ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const fanout: JobHandler = async (job) => {
    const accountId = text(job, "account_id");
    const messageId = text(job, "message_id");
    const event = text(job, "event");
    // Rendered once, so every endpoint and every retry signs the same bytes.
    const body = JSON.stringify({
      type: event,
      timestamp: text(job, "occurred_at"),
      data: job.payload.data ?? {},
    });
    const targets = await options.endpoints.subscribers(accountId, event);
    if (targets.length === 0) return;
    const now = options.now();
    await options.client.batch(
      targets.map((endpointId) =>
        enqueueStatement({
          kind: WEBHOOK_DELIVERY_JOB,
          key: `${messageId}:${endpointId}`,
          now,
          payload: { account_id: accountId, endpoint_id: endpointId, message_id: messageId, body },
        }),
      ),
      "write",
    );
  };

  const delivery: JobHandler = async (job) => {
    const accountId = text(job, "account_id");
    const target = await options.endpoints.target(accountId, text(job, "endpoint_id"));
    // The account removed the endpoint after this was queued: nobody is left to tell.
    if (!target) return;
    const url = new URL(target.url);
    if (url.protocol === "https:" && (await resolvesPrivate(url.hostname, timeoutMs))) {
      throw new PermanentJobError(`${url.hostname} resolves to a private address`);
    }
    const body = text(job, "body");
    const headers = await signWebhook(
      target.secret,
      text(job, "message_id"),
      Math.floor(wallClock() / 1000),
      body,
    );
    const res = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Ringtrail-Webhooks/1",
        ...headers,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`endpoint answered ${res.status}`);
    }
  };

  return { [WEBHOOK_FANOUT_JOB]: fanout, [WEBHOOK_DELIVERY_JOB]: delivery };
}
