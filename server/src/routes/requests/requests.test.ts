import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWorker } from "../../jobs/index";
import type { JobWorker } from "../../jobs/worker";
import { call, createTenant, createTestEnv, type TestEnv } from "../../testing/app";
import { type LocalServer, startLocalServer } from "../../testing/local-server";
import { describeSecurity } from "../../testing/security";
import { ACCOUNT_SID, type CarrierTenant, twilioTenant } from "../carriers/webhook-fixtures";

const NY_SMS = "+12125550143";
const TOKYO_SMS = "+81312345678";
const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

let env: TestEnv;
let carrier: LocalServer;
let hooks: LocalServer;
let worker: JobWorker;
let tenant: CarrierTenant;

beforeAll(async () => {
  // A fake carrier messaging API and a webhook receiver, both real HTTP on loopback.
  carrier = await startLocalServer((req, res) => {
    res.writeHead(req.path.includes("/Messages.json") ? 201 : 404, {
      "content-type": "application/json",
    });
    res.end(JSON.stringify({ sid: "SM0123456789abcdef0123456789abcdef" }));
  });
  hooks = await startLocalServer((_req, res) => {
    res.writeHead(204);
    res.end();
  });
  env = await createTestEnv({ smsApi: { twilio: carrier.origin } });
  worker = createJobWorker(env.services, { backoffMs: 60_000, maxAttempts: 3 });
  tenant = await twilioTenant(env);
  await agentWithShift(
    tenant,
    "Dana",
    { sms: NY_SMS, email: "dana@example.com" },
    "America/New_York",
  );
  await agentWithShift(tenant, "Kenji", { sms: TOKYO_SMS }, "Asia/Tokyo");
});
afterAll(async () => {
  await carrier.close();
  await hooks.close();
  env.close();
});

async function agentWithShift(
  t: CarrierTenant,
  name: string,
  contacts: Record<string, string>,
  timeZone: string,
) {
  const agent = await call(env, "POST", "/v1/agents", {
    key: t.admin,
    body: { name, contacts, channel_types: Object.keys(contacts) },
  });
  expect(agent.status, JSON.stringify(agent.body)).toBe(201);
  const shift = await call(env, "POST", `/v1/agents/${agent.body.id}/shifts`, {
    key: t.admin,
    body: { rrule: WEEKDAYS, time_zone: timeZone, duration_min: 480 },
  });
  expect(shift.status).toBe(201);
  return String(agent.body.id);
}

async function drain() {
  for (let i = 0; i < 5 && (await worker.runOnce()) > 0; i++);
}

describe("POST /v1/requests", () => {
  it("forwards an SMS to the agent on duty through the carrier's messages API", async () => {
    const res = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "sms", from: "+13125550177", body: "Is my order ready?" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      channel: "sms",
      channel_type: "sms",
      contact: NY_SMS,
      status: "queued",
    });
    expect(carrier.received).toHaveLength(0);
    await drain();
    const sent = carrier.received.at(-1);
    expect(sent?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(sent?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${tenant.authToken}`).toString("base64")}`,
    );
    expect(Object.fromEntries(new URLSearchParams(sent?.body))).toEqual({
      To: NY_SMS,
      From: tenant.number,
      Body: "New sms request from +13125550177: Is my order ready?",
    });
    const read = await call(env, "GET", `/v1/requests/${res.body.id}`, { key: tenant.read });
    expect(read.body).toEqual({ ...res.body, status: "sent" });
  });

  it("follows the shifts across time zones and the DST change", async () => {
    // 00:30 in New York, 14:30 in Tokyo on a Wednesday: Tokyo's agent is on duty.
    env.clock.set(Date.parse("2026-11-25T05:30:00Z"));
    const tokyo = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "sms", from: "+13125550177", body: "hello" },
    });
    expect(tokyo.body.contact).toBe(TOKYO_SMS);
    // Monday 2026-03-09 13:30Z is 09:30 in New York the day after clocks went forward (it
    // would be 08:30 in winter time): New York's agent has started.
    env.clock.set(Date.parse("2026-03-09T13:30:00Z"));
    const ny = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "sms", from: "+13125550177", body: "hello" },
    });
    expect(ny.body.contact).toBe(NY_SMS);
    env.clock.set(Date.parse("2026-11-24T15:00:00Z"));
  });

  it("sends email (and web forms) as a signed request.routed webhook", async () => {
    const endpoint = await call(env, "POST", "/v1/webhook-endpoints", {
      key: tenant.admin,
      body: { url: `${hooks.origin}/routed`, events: ["request.routed"] },
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    const res = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "web_form", from: "ada@example.com", body: "Please call me back" },
    });
    expect(res.body).toMatchObject({ channel_type: "email", contact: "dana@example.com" });
    await drain();
    const delivered = hooks.received.at(-1);
    expect(delivered?.path).toBe("/routed");
    const payload = new Webhook(endpoint.body.secret).verify(
      delivered?.body ?? "",
      delivered?.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({ type: "request.routed", data: res.body });
  });

  it("records a request nobody is on duty for as unrouted", async () => {
    const res = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "chat", from: "@ada", body: "hi" },
    });
    expect(res.body).toMatchObject({ agent: null, contact: null, status: "unrouted" });
    const list = await call(env, "GET", "/v1/requests", { key: tenant.read });
    expect(list.body.data).toContainEqual(res.body);
  });

  it.each([
    [{ channel: "fax", from: "x", body: "y" }],
    [{ channel: "sms", from: "x", body: "" }],
    [{ channel: "sms", from: "x", body: "y", extra: 1 }],
    [{ channel: "sms", from: "x", body: "y", number: "12" }],
  ])("refuses %j and stores nothing", async (body) => {
    const before = await env.database.client.execute("SELECT COUNT(*) AS n FROM routed_requests");
    const res = await call(env, "POST", "/v1/requests", { key: tenant.admin, body });
    expect(res.status).toBe(400);
    const after = await env.database.client.execute("SELECT COUNT(*) AS n FROM routed_requests");
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it("keeps tenants apart", async () => {
    const other = await createTenant(env, "Other");
    const res = await call(env, "POST", "/v1/requests", {
      key: tenant.admin,
      body: { channel: "chat", from: "@ada", body: "hi" },
    });
    expect(
      (await call(env, "GET", `/v1/requests/${res.body.id}`, { key: other.admin })).status,
    ).toBe(404);
  });
});

describeSecurity("POST /v1/requests", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/requests",
    body: { channel: "chat", from: "@sec", body: "hi" },
  }),
});
