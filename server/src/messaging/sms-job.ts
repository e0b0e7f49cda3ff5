import type { Client } from "@libsql/client";
import type { ClaimedJob, JobHandler } from "../jobs/worker";
import type { Logger } from "../log";
import type { CredentialStore } from "../secrets/credentials";
import { type SmsApiBase, SmsSendError, sendSms } from "./sms-sender";

export const SMS_JOB = "sms.send";

/** What the job carries; the secret is read when it runs, never stored in the queue. */
export interface SmsJobPayload {
  account_id: string;
  carrier: "twilio" | "telnyx";
  from: string;
  to: string;
  body: string;
  /** The routed request it delivers, marked sent or failed. */
  request_id: string | null;
}

/**
 * Sends a queued SMS with the account's carrier credentials. A refusal that will not change
 * (bad number, no credentials) marks the request failed and ends the job; anything else
 * throws so the worker retries with backoff.
 */
export function smsJob(deps: {
  client: Client;
  credentials: CredentialStore;
  api: SmsApiBase;
  now: () => number;
  log?: Logger;
}): JobHandler {
  return async (job: ClaimedJob) => {
    const p = job.payload as unknown as SmsJobPayload;
    const mark = (status: string) =>
      p.request_id === null
        ? Promise.resolve()
        : deps.client
            .execute({
              sql: "UPDATE routed_requests SET status = ? WHERE id = ?",
              args: [status, p.request_id],
            })
            .then(() => undefined);
    if (p.carrier !== "twilio") {
      // Telnyx credentials hold only the webhook public key; sending needs an API key.
      deps.log?.log("error", "sms carrier has no sending credentials", { carrier: p.carrier });
      return mark("failed");
    }
    const opened = await deps.credentials.get(p.account_id, "twilio");
    if (opened?.secret.carrier !== "twilio" || !opened.carrierAccount) {
      return mark("failed");
    }
    try {
      await sendSms(
        deps.api,
        {
          carrier: "twilio",
          accountSid: opened.carrierAccount,
          authToken: opened.secret.authToken,
        },
        { from: p.from, to: p.to, body: p.body },
      );
    } catch (error) {
      if (error instanceof SmsSendError && !error.retryable) return mark("failed");
      throw error;
    }
    await mark("sent");
  };
}
