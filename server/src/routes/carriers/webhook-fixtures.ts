import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import twilio from "twilio";
import { call, createTenant, type Tenant, type TestEnv } from "../../testing/app";

/** Test helpers for carrier webhooks: tenants with numbers and credentials, signed requests. */

export const FORWARD_TO = "+14155550199";
export const CALLER = "+13125550177";

let counter = 0;
/** A fresh valid tracking number per call, so tests in one file never collide. */
export function freshNumber(): string {
  counter += 1;
  return `+1212555${String(1000 + counter).padStart(4, "0")}`;
}

export const freshCallSid = () =>
  `CA${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("")}`;

export const ACCOUNT_SID = `AC${"a1".repeat(16)}`;

export interface CarrierTenant extends Tenant {
  number: string;
  numberId: string;
  authToken: string;
}

/** A tenant with Twilio credentials and one tracking number forwarding to `forwardTo`. */
export async function twilioTenant(
  env: TestEnv,
  options: { forwardTo?: string | null; accountSid?: string } = {},
): Promise<CarrierTenant> {
  const tenant = await createTenant(env, "Carrier");
  const authToken = `token_${Math.random().toString(36).slice(2)}`;
  const creds = await call(env, "PUT", "/v1/carriers/twilio/credentials", {
    key: tenant.admin,
    body: { account_sid: options.accountSid ?? ACCOUNT_SID, auth_token: authToken },
  });
  if (creds.status !== 200) throw new Error(`credentials: ${JSON.stringify(creds.body)}`);
  const number = freshNumber();
  const created = await call(env, "POST", "/v1/numbers", {
    key: tenant.admin,
    body: {
      number,
      carrier: "twilio",
      forward_to: options.forwardTo === undefined ? FORWARD_TO : options.forwardTo,
    },
  });
  if (created.status !== 201) throw new Error(`number: ${JSON.stringify(created.body)}`);
  return { ...tenant, number, numberId: created.body.id, authToken };
}

export type Form = Record<string, string>;

/** Twilio's voice request fields for an inbound call. */
export function voiceForm(to: string, callSid = freshCallSid(), extra: Form = {}): Form {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: callSid,
    CallStatus: "ringing",
    Called: to,
    Caller: CALLER,
    Direction: "inbound",
    From: CALLER,
    FromCity: "CHICAGO",
    FromCountry: "US",
    FromState: "IL",
    FromZip: "60601",
    To: to,
    ToCountry: "US",
    ...extra,
  };
}

/** Posts a form signed with Twilio's own library, as Twilio would. */
export function postTwilio(
  env: TestEnv,
  path: string,
  form: Form,
  authToken: string,
  options: { signedUrl?: string; headers?: Record<string, string> } = {},
) {
  const url = options.signedUrl ?? `http://localhost${path}`;
  const signature = twilio.getExpectedTwilioSignature(authToken, url, form);
  return env.app.request(path, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
      ...options.headers,
    },
    body: new URLSearchParams(form).toString(),
  });
}

export interface TelnyxKeys {
  privateKey: KeyObject;
  /** Base64 of the raw 32-byte Ed25519 public key, as Mission Control shows it. */
  publicKey: string;
}

export function telnyxKeys(): TelnyxKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return { privateKey, publicKey: Buffer.from(raw).toString("base64") };
}

/** Telnyx signs `${timestamp}|${raw body}` with Ed25519. */
export function postTelnyx(
  env: TestEnv,
  path: string,
  body: string,
  keys: TelnyxKeys,
  options: { timestampS?: number; contentType?: string } = {},
) {
  // The app verifies against its own clock, so sign with that.
  const timestamp = String(options.timestampS ?? Math.floor(env.clock.now() / 1000));
  const message = Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]);
  return env.app.request(path, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "telnyx-signature-ed25519": sign(null, message, keys.privateKey).toString("base64"),
      "telnyx-timestamp": timestamp,
    },
    body,
  });
}

/** Every stored call of a carrier call id (to count duplicates). */
export async function storedCalls(env: TestEnv, carrierCallId: string) {
  const res = await env.database.client.execute({
    sql: "SELECT * FROM calls WHERE carrier_call_id = ?",
    args: [carrierCallId],
  });
  return res.rows;
}
