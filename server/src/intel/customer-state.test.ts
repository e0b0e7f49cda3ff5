import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";

let env: TestEnv;
let tenant: Tenant;
let server: Server;
let origin: string;
const asked: string[] = [];

beforeAll(async () => {
  env = await createTestEnv({ loopbackHttp: true });
  tenant = await createTenant(env);
  server = createServer((req, res) => {
    asked.push(req.url ?? "");
    const offline = (req.url ?? "").includes("%2B14155550111");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ router: offline ? "offline" : "online" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

const record = (phone: string) =>
  call(env, "POST", "/v1/interactions", {
    key: tenant.admin,
    body: { channel: "chat", customer: { phone }, text: "my internet is down" },
  });

describe("customer state source", () => {
  it("has none by default", async () => {
    expect((await record("+14155550100")).body.context.customer_state).toBeNull();
  });

  it("reads the customer's row of a lookup table, and rules can use it", async () => {
    await call(env, "PUT", "/v1/tables/devices/rows/%2B14155550111", {
      key: tenant.admin,
      body: { value: { router: "offline" } },
    });
    const set = await call(env, "PUT", "/v1/customer-state-source", {
      key: tenant.admin,
      body: { source: { kind: "table", table: "devices" } },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await call(env, "PUT", "/v1/models/intent_rules", {
      key: tenant.admin,
      body: {
        rules: [
          {
            name: "down",
            when: 'customer.state != null && customer.state.router == "offline"',
            intent: "outage",
            urgency: "high",
          },
        ],
      },
    });
    const known = await record("+14155550111");
    expect(known.body.context.customer_state).toEqual({
      source: "table",
      found: true,
      value: { router: "offline" },
      reason: null,
    });
    expect(known.body.action).toMatchObject({ intent: "outage", urgency: "high" });
    const unknown = await record("+14155550122");
    expect(unknown.body.context.customer_state).toEqual({
      source: "table",
      found: false,
      value: null,
      reason: null,
    });
    expect(unknown.body.action.intent).toBeNull();
  });

  it("fetches an allow-listed URL with the customer filled in; refuses origins not allowed", async () => {
    const refused = await call(env, "PUT", "/v1/customer-state-source", {
      key: tenant.admin,
      body: { source: { kind: "http", url: `${origin}/state?c={customer}` } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("allow-list");
    expect(
      (await call(env, "POST", "/v1/http-allow-list", { key: tenant.admin, body: { origin } }))
        .status,
    ).toBe(201);
    const set = await call(env, "PUT", "/v1/customer-state-source", {
      key: tenant.admin,
      body: { source: { kind: "http", url: `${origin}/state?c={customer}`, ttl_s: 0 } },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const res = await record("+14155550111");
    expect(asked.at(-1)).toBe("/state?c=%2B14155550111");
    expect(res.body.context.customer_state).toEqual({
      source: "http",
      found: true,
      value: { router: "offline" },
      reason: null,
    });
    expect(res.body.action.intent).toBe("outage");
    const bad = await call(env, "PUT", "/v1/customer-state-source", {
      key: tenant.admin,
      body: { source: { kind: "table", table: "Bad Name" } },
    });
    expect(bad.status).toBe(400);
    const cleared = await call(env, "PUT", "/v1/customer-state-source", {
      key: tenant.admin,
      body: { source: null },
    });
    expect(cleared.status).toBe(200);
    expect((await record("+14155550111")).body.context.customer_state).toBeNull();
  });
});
