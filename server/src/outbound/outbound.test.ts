import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobWorker } from "../jobs/index";
import type { JobWorker } from "../jobs/worker";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";
import { describeSecurity } from "../testing/security";
import { outboundWebhookStatement } from "./index";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let env: TestEnv;
let tenant: Tenant;
let server: Server;
let base: string;
let worker: JobWorker;
const received: Received[] = [];
/** How many of the next deliveries the receiver refuses with 503. */
let failNext = 0;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ path: req.url ?? "", headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worker = createJobWorker(env.services, { backoffMs: 60_000, maxAttempts: 3 });
});
afterAll(async () => {
  await worker.stop();
  await new Promise((resolve) => server.close(resolve));
  env.close();
});
beforeEach(() => {
  received.length = 0;
  failNext = 0;
});

async function subscribe(key: string, path: string, events: string[]) {
  const res = await call(env, "POST", "/v1/webhook-endpoints", {
    key,
    body: { url: `${base}${path}`, events },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

async function emit(
  accountId: string,
  event: string,
  data: Record<string, unknown>,
  key = null as string | null,
) {
  await env.services.writer.write([
    outboundWebhookStatement({ accountId, event, data, key, now: env.clock.now() }),
  ]);
}

/** Runs every due job, moving the clock past any backoff, until nothing is left. */
async function drain() {
  for (let i = 0; i < 10; i++) {
    const ran = await worker.runOnce();
    if (ran === 0) {
      env.clock.advance(5 * 60_000);
      if ((await worker.runOnce()) === 0) return;
    }
  }
}

describe("signed outbound webhooks", () => {
  it("delivers to subscribed endpoints only, verifiable with the Standard Webhooks library", async () => {
    const routed = await subscribe(tenant.admin, "/routed", ["request.routed"]);
    const all = await subscribe(tenant.admin, "/all", ["*"]);
    await subscribe(tenant.admin, "/other", ["interaction.processed"]);
    const at = new Date(env.clock.now()).toISOString();
    await emit(tenant.account, "request.routed", { request: "req_1", agent: "agt_1" });
    await drain();

    expect(received.map((r) => r.path).sort()).toEqual(["/all", "/routed"]);
    for (const r of received) {
      const secret = r.path === "/all" ? all.secret : routed.secret;
      const payload = new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
      expect(payload).toEqual({
        type: "request.routed",
        timestamp: at,
        data: { request: "req_1", agent: "agt_1" },
      });
    }
    // One message, one id, whichever endpoint gets it: receivers deduplicate by it.
    expect(received[0]!.headers["webhook-id"]).toBe(received[1]!.headers["webhook-id"]);
    expect(() =>
      new Webhook(routed.secret).verify(received.find((r) => r.path === "/all")!.body, {
        ...(received.find((r) => r.path === "/all")!.headers as Record<string, string>),
      }),
    ).toThrow();
  });

  it("retries a refused delivery under the same message id", async () => {
    const other = await createTenant(env, "Retry");
    const hook = await subscribe(other.admin, "/retry", ["request.routed"]);
    failNext = 1;
    await emit(other.account, "request.routed", { n: 1 });
    await drain();
    expect(received).toHaveLength(1);
    new Webhook(hook.secret).verify(
      received[0]!.body,
      received[0]!.headers as Record<string, string>,
    );
    const { rows } = await env.database.client.execute(
      "SELECT attempts, status FROM jobs WHERE kind = 'webhook_delivery' AND key LIKE ? ",
      [`${received[0]!.headers["webhook-id"]}:%`],
    );
    expect(rows.map((r) => [Number(r.attempts), r.status])).toEqual([[2, "done"]]);
  });

  it("queues a keyed webhook once and another tenant's endpoints never hear of it", async () => {
    const a = await createTenant(env, "A");
    const b = await createTenant(env, "B");
    await subscribe(a.admin, "/a", ["*"]);
    await subscribe(b.admin, "/b", ["*"]);
    await emit(a.account, "request.routed", { n: 1 }, "req_same");
    await emit(a.account, "request.routed", { n: 1 }, "req_same");
    await drain();
    expect(received.map((r) => r.path)).toEqual(["/a"]);
  });

  it("keeps the secret sealed at rest and shows it only at creation", async () => {
    const t = await createTenant(env, "Sealed");
    const made = await subscribe(t.admin, "/sealed", ["*"]);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const { rows } = await env.database.client.execute(
      "SELECT secret FROM webhook_endpoints WHERE id = ?",
      [made.id],
    );
    const stored = Buffer.from(rows[0]!.secret as ArrayBuffer);
    expect(stored.includes(Buffer.from(made.secret))).toBe(false);
    const list = await call(env, "GET", "/v1/webhook-endpoints", { key: t.read });
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: made.id, url: `${base}/sealed`, events: ["*"] }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain("whsec_");
  });

  it("refuses URLs that are not https (but loopback) and unknown event names", async () => {
    for (const url of [
      "https://10.0.0.8/hook",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "http://hooks.example.com/x",
      "ftp://x.example.com",
      "not a url",
      "https://u:p@x.example.com",
    ]) {
      const res = await call(env, "POST", "/v1/webhook-endpoints", {
        key: tenant.admin,
        body: { url, events: ["*"] },
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const bad = await call(env, "POST", "/v1/webhook-endpoints", {
      key: tenant.admin,
      body: { url: "https://hooks.example.com/x", events: ["Not An Event"] },
    });
    expect(bad.status).toBe(400);
  });

  it("stops delivering to a deleted endpoint", async () => {
    const t = await createTenant(env, "Deleted");
    const made = await subscribe(t.admin, "/gone", ["*"]);
    await emit(t.account, "request.routed", { n: 1 });
    expect(
      (await call(env, "DELETE", `/v1/webhook-endpoints/${made.id}`, { key: t.admin })).status,
    ).toBe(204);
    await drain();
    expect(received).toEqual([]);
  });
});

describeSecurity("POST /v1/webhook-endpoints", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/webhook-endpoints",
    body: { url: "https://hooks.example.com/x", events: ["*"] },
  }),
});
describeSecurity("GET /v1/webhook-endpoints", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/webhook-endpoints" }),
});
describeSecurity("DELETE /v1/webhook-endpoints/{id}", () => env, {
  scope: "admin",
  owned: true,
  ok: 204,
  setup: async (e, owner) => {
    const res = await call(e, "POST", "/v1/webhook-endpoints", {
      key: owner.admin,
      body: { url: "https://hooks.example.com/x", events: ["*"] },
    });
    return { method: "DELETE", path: `/v1/webhook-endpoints/${res.body.id}` };
  },
});
