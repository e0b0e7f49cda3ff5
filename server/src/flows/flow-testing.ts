import { expect } from "vitest";
import type { CarrierTenant, Form } from "../routes/carriers/webhook-fixtures";
import { postTwilio } from "../routes/carriers/webhook-fixtures";
import { call, type TestEnv } from "../testing/app";

/** Test helpers: a flow saved, activated and routing a tenant's number. */
export async function routeThroughFlow(
  env: TestEnv,
  tenant: CarrierTenant,
  document: Record<string, unknown>,
): Promise<string> {
  const created = await call(env, "POST", "/v1/call-flows", {
    key: tenant.admin,
    body: { name: "Flow", document },
  });
  expect(created.body.latest?.errors, JSON.stringify(created.body)).toEqual([]);
  const id = String(created.body.id);
  const activated = await call(env, "POST", `/v1/call-flows/${id}/activate`, {
    key: tenant.admin,
    body: { version: 1 },
  });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  const assigned = await call(env, "PUT", `/v1/numbers/${tenant.numberId}/call-flow`, {
    key: tenant.admin,
    body: { call_flow: id },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return id;
}

/** The action URL a TwiML reply points at (the Gather's, else the Dial's). */
export function actionUrl(twiml: string): string {
  const found = /<(?:Gather|Dial|Record)[^>]* action="([^"]+)"/.exec(twiml)?.[1];
  if (!found) throw new Error(`no action URL in ${twiml}`);
  return found.replaceAll("&amp;", "&");
}

/** Posts a callback to an absolute action URL, signed by Twilio's library as Twilio would. */
export function postCallback(env: TestEnv, url: string, form: Form, authToken: string) {
  const parsed = new URL(url);
  return postTwilio(env, `${parsed.pathname}${parsed.search}`, form, authToken, {
    signedUrl: url,
  });
}

/** The call's stored decisions, via the API. */
export async function traceOf(env: TestEnv, tenant: CarrierTenant, carrierCallId: string) {
  const row = await env.database.client.execute({
    sql: "SELECT id FROM calls WHERE carrier_call_id = ?",
    args: [carrierCallId],
  });
  const id = String(row.rows[0]?.id);
  const res = await call(env, "GET", `/v1/calls/${id}/trace`, { key: tenant.read });
  expect(res.status).toBe(200);
  return res.body as {
    call: string;
    decisions: {
      stage: string;
      fallback: boolean;
      decision: Record<string, unknown> | null;
      trace: { step: string; event: string; value?: unknown; detail: string }[];
    }[];
  };
}
