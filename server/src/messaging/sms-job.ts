import type { Client } from "@libsql/client";
import type { ClaimedJob, JobHandler } from "../jobs/worker";
import type { Logger } from "../log";
import type { CredentialStore } from "../secrets/credentials";
import { type SmsApiBase, type SmsCredential, SmsSendError, sendSms } from "./sms-sender";

export const SMS_JOB = "sms.send";

/** The account's sending credential at the carrier; null when it has none to send with. */
async function smsCredential(
  credentials: CredentialStore,
  p: SmsJobPayload,
): Promise<SmsCredential | null> {
  const opened = await credentials.get(p.account_id, p.carrier);
  const secret = opened?.secret;
  if (secret?.carrier === "twilio" && opened?.carrierAccount)
    return { carrier: "twilio", accountSid: opened.carrierAccount, authToken: secret.authToken };
  // Telnyx verifies webhooks with a public key; sending needs the optional API key.
  if (secret?.carrier === "telnyx" && secret.apiKey)
    return { carrier: "telnyx", apiKey: secret.apiKey };
  return null;
}

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
    const fail = (reason: string) => {
      deps.log?.log("error", "sms not sent", { carrier: p.carrier, reason });
      return mark("failed");
    };
    const credential = await smsCredential(deps.credentials, p);
    if (!credential) return fail("no sending credentials");
    try {
      await sendSms(deps.api, credential, { from: p.from, to: p.to, body: p.body });
    } catch (error) {
      if (error instanceof SmsSendError && !error.retryable) return fail(error.message);
      throw error;
    }
    await mark("sent");
  };
}
