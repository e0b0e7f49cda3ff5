import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWorker } from "../jobs/index";
import { ACCOUNT_SID, type CarrierTenant, twilioTenant } from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { type LocalServer, startLocalServer } from "../testing/local-server";

let env: TestEnv;
let carrier: LocalServer;
let tenant: CarrierTenant;

const WINDOW = { starts_at: "2026-11-24T12:00:00Z", ends_at: "2026-11-25T12:00:00Z" };

beforeAll(async () => {
  carrier = await startLocalServer((req, res) => {
    res.writeHead(req.path.includes("/Messages.json") ? 201 : 404, {
      "content-type": "application/json",
    });
    res.end(JSON.stringify({ sid: "SM0123456789abcdef0123456789abcdef" }));
  });
  env = await createTestEnv({ smsApi: { twilio: carrier.origin } });
  tenant = await twilioTenant(env);
  const customers = [
    { phone: "+15125550101", region: "US-TX", attributes: { sms_ok: true } },
    { phone: "+15125550102", region: "US-TX", attributes: { sms_ok: false } },
    { email: "tx@example.com", region: "US-TX", attributes: { sms_ok: true } },
  ];
  for (const customer of customers) {
    const res = await call(env, "POST", "/v1/interactions", {
      key: tenant.admin,
      body: { channel: "web_form", customer, text: "hello" },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await carrier.close();
  env.close();
});

const event = (body: Record<string, unknown>) =>
  call(env, "POST", "/v1/events", {
    key: tenant.admin,
    body: { kind: "storm", name: "Storm Ada", ...WINDOW, area: { regions: ["US-TX"] }, ...body },
  });

describe("the sms action", () => {
  it("texts each affected customer with a phone once, from the account's number", async () => {
    const res = await event({
      actions: ["sms"],
      filters: { sms_ok: true },
      sms: { from: tenant.number, body: "{{name}}: stay safe. Reply STOP to opt out." },
      batch_size: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sms).toEqual({
      from: tenant.number,
      carrier: "twilio",
      body: "{{name}}: stay safe. Reply STOP to opt out.",
    });
    const worker = createJobWorker(env.services);
    while ((await worker.runOnce()) > 0) {}
    const done = await call(env, "GET", `/v1/events/${res.body.id}`, { key: tenant.read });
    // Two opted-in customers; one has only an email, so one text.
    expect(done.body.progress).toEqual({ total: 2, processed: 2, batches: 2 });
    expect(carrier.received).toHaveLength(1);
    const sent = carrier.received[0]!;
    expect(sent.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    const form = new URLSearchParams(sent.body);
    expect(Object.fromEntries(form)).toMatchObject({
      From: tenant.number,
      To: "+15125550101",
      Body: "Storm Ada: stay safe. Reply STOP to opt out.",
    });
  });

  it("refuses an sms action without a sender, with a number not the account's, or sms without the action", async () => {
    const cases = [
      { actions: ["sms"] },
      { actions: ["sms"], sms: { from: "+14155550000", body: "hi" } },
      { actions: ["flag"], sms: { from: tenant.number, body: "hi" } },
      { actions: ["sms"], sms: { from: "not a number", body: "hi" } },
    ];
    for (const body of cases) {
      const res = await event(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
