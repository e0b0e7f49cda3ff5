/** Where each carrier's messaging REST API lives; tests point these at a local fake carrier. */
export interface SmsApiBase {
  twilio: string;
  telnyx: string;
}

export const DEFAULT_SMS_API: SmsApiBase = {
  twilio: "https://api.twilio.com",
  telnyx: "https://api.telnyx.com",
};

export type SmsCredential =
  | { carrier: "twilio"; accountSid: string; authToken: string }
  | { carrier: "telnyx"; apiKey: string };

export interface SmsMessage {
  /** E.164 sender: one of the account's numbers at that carrier. */
  from: string;
  to: string;
  body: string;
}

/** A send that failed; `retryable` when trying again later may succeed (5xx, 429, network). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Sends one SMS through the carrier's REST API: Twilio's Messages resource (form-encoded,
 * basic auth with the Account SID and Auth Token) or Telnyx's v2 messages (JSON, Bearer API
 * key). Returns the carrier's message id; throws `SmsSendError`.
 *
 * @example
 * await sendSms(DEFAULT_SMS_API, { carrier: "twilio", accountSid, authToken },
 *   { from: "+18005550100", to: "+14155550100", body: "New request from …" })
 */
export async function sendSms(
  base: SmsApiBase,
  credential: SmsCredential,
  message: SmsMessage,
  timeoutMs = 10_000,
): Promise<{ id: string }> {
  const request =
    credential.carrier === "twilio"
      ? {
          url: `${base.twilio}/2010-04-01/Accounts/${encodeURIComponent(credential.accountSid)}/Messages.json`,
          headers: {
            authorization: `Basic ${Buffer.from(`${credential.accountSid}:${credential.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({
            To: message.to,
            From: message.from,
            Body: message.body,
          }).toString(),
        }
      : {
          url: `${base.telnyx}/v2/messages`,
          headers: {
            authorization: `Bearer ${credential.apiKey}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ from: message.from, to: message.to, text: message.body }),
        };
  let res: Response;
  try {
    res = await fetch(request.url, {
      method: "POST",
      headers: { ...request.headers, accept: "application/json" },
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new SmsSendError(`${credential.carrier} messages API unreachable`, true);
  }
  const text = await res.text();
  if (!res.ok) {
    const retryable = res.status >= 500 || res.status === 429;
    throw new SmsSendError(
      `${credential.carrier} refused the message (status ${res.status})`,
      retryable,
    );
  }
  const id = messageId(credential.carrier, text);
  if (!id) throw new SmsSendError(`${credential.carrier} answered without a message id`, false);
  return { id };
}

function messageId(carrier: SmsCredential["carrier"], text: string): string | undefined {
  try {
    const json = JSON.parse(text) as { sid?: unknown; data?: { id?: unknown } };
    const id = carrier === "twilio" ? json.sid : json.data?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}
