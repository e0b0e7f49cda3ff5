import { randomBytes } from "node:crypto";
import twilio from "twilio";
import type { CallRequest } from "../run/dni";
import { SIM_TIME_HEADER, send } from "./client";

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
}

export function newTwilioAccount(): TwilioAccount {
  return {
    accountSid: `AC${randomBytes(16).toString("hex")}`,
    authToken: randomBytes(16).toString("hex"),
  };
}

/** A form webhook signed the way Twilio signs it, with Twilio's own library. */
async function post(
  base: string,
  path: string,
  account: TwilioAccount,
  params: Record<string, string>,
  at: number,
) {
  const url = `${base}${path}`;
  const signature = twilio.getExpectedTwilioSignature(account.authToken, url, params);
  const res = await send(
    url,
    "POST",
    {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
      [SIM_TIME_HEADER]: String(at),
    },
    new URLSearchParams(params).toString(),
  );
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${res.body}`);
}

/**
 * A call as Twilio reports it when it rings (the status callback follows at its end). The line type rides in `AddOns` as a Lookup line-type-intelligence add-on
 * would send it.
 */
export async function placeCall(
  base: string,
  account: TwilioAccount,
  call: CallRequest,
): Promise<void> {
  const params = callParams(account, call, "ringing");
  params.FromCountry = "US";
  if (call.lineType) {
    params.AddOns = JSON.stringify({
      status: "successful",
      results: {
        lookup: {
          status: "successful",
          result: { line_type_intelligence: { type: call.lineType } },
        },
      },
    });
  }
  await post(base, "/v1/carriers/twilio/voice", account, params, call.at);
}

/** The status callback when the call ends, `durationS` after it rang. */
export async function endCall(
  base: string,
  account: TwilioAccount,
  call: CallRequest,
): Promise<void> {
  const params = callParams(account, call, "completed");
  params.CallDuration = String(call.durationS);
  await post(base, "/v1/carriers/twilio/status", account, params, call.at + call.durationS * 1000);
}

/** The fields every Twilio voice callback carries about the call. */
function callParams(
  account: TwilioAccount,
  call: CallRequest,
  status: string,
): Record<string, string> {
  return {
    AccountSid: account.accountSid,
    CallSid: call.sid,
    From: call.from,
    To: call.to,
    CallStatus: status,
    Direction: "inbound",
    ApiVersion: "2010-04-01",
  };
}
