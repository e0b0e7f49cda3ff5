import type { z } from "@hono/zod-openapi";
import { callFlows, callFlowVersions } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import { sampleFlowDocument } from "./sample-flow";
import type { FlowSchema } from "./schemas";

type FlowBody = z.infer<typeof FlowSchema>;

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const NOW = "2026-11-24T15:00:00.000Z";
const LINES = { vipDesk: "+12125550101", fallback: "+12125550100", mailbox: "team@example.com" };
const VALID = sampleFlowDocument(LINES);

/** The sample with a CEL typo, a link to a missing step and an http source off the allow-list. */
function invalidDoc(): Record<string, unknown> {
  const doc = structuredClone(VALID) as { sources: Record<string, unknown>; steps: any };
  doc.sources.crm = {
    type: "http",
    url: "https://crm.example.com/lookup?phone={caller_number}",
    timeout_ms: 1000,
    ttl_s: 60,
    fallback: {},
  };
  doc.steps.vip.when = "vip_list.listed &&";
  doc.steps.closed.next = "nowhere";
  return doc;
}

async function createFlow(document: Record<string, unknown> = VALID, t: Tenant = tenant) {
  const res = await call(env, "POST", "/v1/call-flows", {
    key: t.admin,
    body: { name: "Main line", document },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as FlowBody;
}

describe("POST /v1/call-flows", () => {
  it("saves a valid document as version 1, not yet active", async () => {
    const flow = await createFlow();
    const expected: FlowBody = {
      id: expect.stringMatching(/^flow_[a-z0-9]+$/),
      name: "Main line",
      active_version: null,
      latest: { version: 1, valid: true, errors: [], document: VALID, created_at: NOW },
      created_at: NOW,
      updated_at: NOW,
    };
    expect(flow).toEqual(expected);
    const [row] = await env.database.db.select().from(callFlows).where(eq(callFlows.id, flow.id));
    expect(row).toEqual({
      id: flow.id,
      accountId: tenant.account,
      name: "Main line",
      activeVersion: null,
      createdAt: Date.parse(NOW),
      updatedAt: Date.parse(NOW),
    });
  });

  it("saves an invalid document as a draft with each error and its path", async () => {
    const flow = await createFlow(invalidDoc());
    expect(flow.latest.valid).toBe(false);
    expect(flow.latest.errors).toEqual([
      { path: "sources.crm.url", message: expect.stringMatching(/allow-list/) },
      { path: "steps.vip.when", message: expect.any(String) },
    ]);
    const versions = await env.database.db
      .select()
      .from(callFlowVersions)
      .where(eq(callFlowVersions.flowId, flow.id));
    expect(versions).toEqual([
      {
        flowId: flow.id,
        version: 1,
        document: invalidDoc(),
        valid: false,
        errors: flow.latest.errors,
        createdAt: Date.parse(NOW),
      },
    ]);
  });

  it("refuses unknown fields and a document that is not an object: 400", async () => {
    for (const body of [
      { name: "x", document: VALID, extra: 1 },
      { name: "x", document: [1] },
      { document: VALID },
    ]) {
      const res = await call(env, "POST", "/v1/call-flows", { key: tenant.admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });
});

describe("versions and activation", () => {
  it("adds versions, refuses to activate an invalid one (409) and activates a valid one", async () => {
    const flow = await createFlow(invalidDoc());
    const refused = await call(env, "POST", `/v1/call-flows/${flow.id}/activate`, {
      key: tenant.admin,
      body: { version: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: "flow_invalid",
        message: "Version 1 does not validate (2 errors)",
        request_id: expect.stringMatching(/^req_/),
        details: flow.latest.errors,
      },
    });

    env.clock.advance(60_000);
    const v2 = await call(env, "PUT", `/v1/call-flows/${flow.id}/versions`, {
      key: tenant.admin,
      body: { document: VALID },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.latest).toMatchObject({ version: 2, valid: true, errors: [] });
    expect(v2.body.updated_at).toBe("2026-11-24T15:01:00.000Z");

    const missing = await call(env, "POST", `/v1/call-flows/${flow.id}/activate`, {
      key: tenant.admin,
      body: { version: 3 },
    });
    expect(missing.status).toBe(404);

    const ok = await call(env, "POST", `/v1/call-flows/${flow.id}/activate`, {
      key: tenant.admin,
      body: { version: 2 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.active_version).toBe(2);
    const [row] = await env.database.db.select().from(callFlows).where(eq(callFlows.id, flow.id));
    expect(row?.activeVersion).toBe(2);
  });
});

describe("GET /v1/call-flows", () => {
  it("lists only the account's flows with their latest versions", async () => {
    const own = await createTenant(env, "Lister");
    const first = await createFlow(VALID, own);
    env.clock.advance(1000); // same-millisecond ids would sort at random
    const second = await createFlow(invalidDoc(), own);
    await call(env, "PUT", `/v1/call-flows/${first.id}/versions`, {
      key: own.admin,
      body: { document: invalidDoc() },
    });
    await createFlow(VALID);
    const res = await call(env, "GET", "/v1/call-flows", { key: own.read });
    expect(res.status).toBe(200);
    expect(res.body.data.map((f: FlowBody) => [f.id, f.latest.version, f.latest.valid])).toEqual([
      [first.id, 2, false],
      [second.id, 1, false],
    ]);
    const one = await call(env, "GET", `/v1/call-flows/${second.id}`, { key: own.read });
    expect(one.body).toEqual(second);
  });

  it("answers another tenant's flow with 404", async () => {
    const flow = await createFlow();
    const other = await createTenant(env, "Other");
    const res = await call(env, "GET", `/v1/call-flows/${flow.id}`, { key: other.admin });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

const flowPath = async (e: TestEnv, owner: Tenant) => {
  const res = await call(e, "POST", "/v1/call-flows", {
    key: owner.admin,
    body: { name: "Secured", document: VALID },
  });
  return `/v1/call-flows/${res.body.id}`;
};

describeSecurity("POST /v1/call-flows", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/call-flows",
    body: { name: "New", document: VALID },
  }),
});
describeSecurity("GET /v1/call-flows", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/call-flows" }),
});
describeSecurity("GET /v1/call-flows/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (e, owner) => ({ method: "GET", path: await flowPath(e, owner) }),
});
describeSecurity("PUT /v1/call-flows/{id}/versions", () => env, {
  scope: "admin",
  owned: true,
  ok: 201,
  setup: async (e, owner) => ({
    method: "PUT",
    path: `${await flowPath(e, owner)}/versions`,
    body: { document: VALID },
  }),
});
describeSecurity("POST /v1/call-flows/{id}/activate", () => env, {
  scope: "admin",
  owned: true,
  setup: async (e, owner) => ({
    method: "POST",
    path: `${await flowPath(e, owner)}/activate`,
    body: { version: 1 },
  }),
});
