import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWorker } from "../jobs/index";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let env: TestEnv;
let tenant: Tenant;
let server: Server;
let secret: string;
const received: Received[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const hook = await call(env, "POST", "/v1/webhook-endpoints", {
    key: tenant.admin,
    body: {
      url: `http://127.0.0.1:${port}/hook`,
      events: ["interaction.processed", "event.audience_batch"],
    },
  });
  expect(hook.status).toBe(201);
  secret = hook.body.secret;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

async function drain() {
  const worker = createJobWorker(env.services);
  while ((await worker.runOnce()) > 0) {}
}

/** What the receiver gets after checking the signature as its docs say. */
function verified(type: string) {
  return received
    .map(
      (r) =>
        new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        },
    )
    .filter((p) => p.type === type);
}

describe("outbound webhooks from intel and campaigns", () => {
  it("sends interaction.processed with the model outputs and action, signed", async () => {
    const res = await call(env, "POST", "/v1/interactions", {
      key: tenant.admin,
      body: {
        channel: "sms",
        customer: { phone: "+14155550123" },
        text: "I want to cancel my subscription",
      },
    });
    await drain();
    const [payload] = verified("interaction.processed");
    expect(payload?.data).toEqual({
      id: res.body.id,
      channel: "sms",
      customer: { phone: "+14155550123", email: null },
      occurred_at: res.body.occurred_at,
      call_id: null,
      models: res.body.models,
      action: res.body.action,
    });
  });

  it("sends one event.audience_batch per batch, signed, and a forged body fails verification", async () => {
    for (const phone of ["+15125550101", "+15125550102", "+15125550103"]) {
      await call(env, "POST", "/v1/interactions", {
        key: tenant.admin,
        body: { channel: "web_form", customer: { phone, region: "US-TX" }, text: "power is out" },
      });
    }
    const event = await call(env, "POST", "/v1/events", {
      key: tenant.admin,
      body: {
        kind: "storm",
        starts_at: "2026-11-24T12:00:00Z",
        ends_at: "2026-11-25T12:00:00Z",
        area: { regions: ["US-TX"] },
        actions: ["webhook"],
        batch_size: 2,
      },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    await drain();
    // Deliveries run concurrently, so they may arrive in any order: receivers order by `batch`.
    const batches = verified("event.audience_batch")
      .map((p) => p.data)
      .sort((a, b) => Number(a.batch) - Number(b.batch));
    expect(
      batches.map((b) => [b.batch, (b.customers as { customer: string }[]).map((c) => c.customer)]),
    ).toEqual([
      [1, ["+15125550101", "+15125550102"]],
      [2, ["+15125550103"]],
    ]);
    expect(batches[0]).toMatchObject({ event_id: event.body.id, kind: "storm", total: 3 });
    const one = received.find(
      (r) => r.body.includes("event.audience_batch") && r.body.includes("+15125550101"),
    )!;
    const forged = one.body.replace("+15125550101", "+15125550109");
    expect(() =>
      new Webhook(secret).verify(forged, one.headers as Record<string, string>),
    ).toThrow();
  });
});
