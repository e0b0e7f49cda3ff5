import { expect } from "vitest";
import {
  ACCOUNT_SID,
  type Form,
  freshCallSid,
  freshNumber,
  postTwilio,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { call, createTenant, type Tenant, type TestEnv } from "../testing/app";
import { addNumbers, createPool, createSite, MOBILE_UA, visit } from "../testing/fixtures";

/** Test helpers for attribution: a tenant whose pool numbers ring at Twilio, visits, calls. */

export interface TrackedTenant extends Tenant {
  authToken: string;
  site: { id: string; public_key: string };
  pool: string;
  numbers: string[];
}

/** A tenant with Twilio credentials, a site and a pool of `size` fresh numbers. */
export async function trackedTenant(
  env: TestEnv,
  options: { size?: number; pool?: Record<string, unknown> } = {},
): Promise<TrackedTenant> {
  const tenant = await createTenant(env, "Attribution");
  const authToken = `token_${Math.random().toString(36).slice(2)}`;
  const creds = await call(env, "PUT", "/v1/carriers/twilio/credentials", {
    key: tenant.admin,
    body: { account_sid: ACCOUNT_SID, auth_token: authToken },
  });
  expect(creds.status).toBe(200);
  const site = await createSite(env, tenant);
  const pool = await createPool(env, tenant, site.id, options.pool ?? {});
  const numbers = Array.from({ length: options.size ?? 1 }, () => freshNumber());
  await addNumbers(env, tenant, pool.id, numbers);
  return { ...tenant, authToken, site, pool: pool.id, numbers };
}

export interface Visit {
  visitor: string;
  session: string;
  number: string;
}

/** A page view; returns the session and the number it was shown. */
export async function pageView(
  env: TestEnv,
  t: TrackedTenant,
  options: Parameters<typeof visit>[2] = {},
): Promise<Visit> {
  const res = await visit(env, t.site, { ua: MOBILE_UA, ...options });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return {
    visitor: res.body.visitor,
    session: res.body.session,
    number: res.body.swaps[0]?.number,
  };
}

/** A heartbeat, with a tel: click on `telClick` when given (stamped now). */
export async function beat(env: TestEnv, session: string, telClick?: string) {
  const events = telClick
    ? [{ type: "tel_click", number: telClick, at: new Date(env.clock.now()).toISOString() }]
    : [];
  const res = await call(env, "POST", `/v1/visits/${session}/beats`, {
    body: JSON.stringify({ events }),
    headers: { "content-type": "text/plain" },
  });
  expect([200, 204]).toContain(res.status);
}

/** Caller fields of a New York caller (region US-NY, where IP.NY resolves). */
export const NY_CALLER: Form = {
  From: "+12125550147",
  Caller: "+12125550147",
  FromCity: "NEW YORK",
  FromState: "NY",
  FromZip: "10001",
};

/** A signed voice webhook for a call to `to`; returns the CallSid. */
export async function ring(
  env: TestEnv,
  t: { authToken: string },
  to: string,
  caller: Form = NY_CALLER,
): Promise<string> {
  const sid = freshCallSid();
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/voice",
    voiceForm(to, sid, caller),
    t.authToken,
  );
  expect(res.status).toBe(200);
  return sid;
}

/** The final status callback of a call. */
export async function hangUp(
  env: TestEnv,
  t: { authToken: string },
  sid: string,
  to: string,
  caller: Form = NY_CALLER,
) {
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/status",
    {
      AccountSid: ACCOUNT_SID,
      CallSid: sid,
      From: caller.From ?? "",
      To: to,
      Direction: "inbound",
      CallStatus: "completed",
      CallDuration: "60",
    },
    t.authToken,
  );
  expect(res.status).toBe(200);
}

/** The stored call's id by CallSid. */
export async function callId(env: TestEnv, sid: string): Promise<string> {
  const res = await env.database.client.execute({
    sql: "SELECT id FROM calls WHERE carrier_call_id = ?",
    args: [sid],
  });
  return String(res.rows[0]!.id);
}
