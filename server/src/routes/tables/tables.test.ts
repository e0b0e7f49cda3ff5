import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupTable } from "../../sources/tables";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const VIP = "+14155550100";

describe("lookup tables", () => {
  it("puts, reads, lists and deletes rows; the table source sees them", async () => {
    const put = await call(env, "PUT", `/v1/tables/vip/rows/${encodeURIComponent(VIP)}`, {
      key: tenant.admin,
      body: { value: { name: "Ada", tier: "gold" } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      table: "vip",
      key: VIP,
      value: { name: "Ada", tier: "gold" },
      updated_at: "2026-11-24T15:00:00.000Z",
    });
    await call(env, "PUT", "/v1/tables/vip/rows/%2B14155550101", {
      key: tenant.admin,
      body: { value: true },
    });
    const got = await call(env, "GET", `/v1/tables/vip/rows/${encodeURIComponent(VIP)}`, {
      key: tenant.read,
    });
    expect(got.body.value).toEqual({ name: "Ada", tier: "gold" });

    const page = await call(env, "GET", "/v1/tables/vip/rows?limit=1", { key: tenant.read });
    expect(page.body).toMatchObject({ data: [{ key: VIP }], next_cursor: VIP });
    const rest = await call(
      env,
      "GET",
      `/v1/tables/vip/rows?limit=1&cursor=${encodeURIComponent(VIP)}`,
      {
        key: tenant.read,
      },
    );
    expect(rest.body).toMatchObject({
      data: [{ key: "+14155550101", value: true }],
      next_cursor: null,
    });
    expect((await call(env, "GET", "/v1/tables", { key: tenant.read })).body).toEqual({
      data: [{ name: "vip", rows: 2 }],
    });

    expect(await lookupTable(env.services, tenant.account, "vip", VIP)).toEqual({
      listed: true,
      value: { name: "Ada", tier: "gold" },
    });
    const del = await call(env, "DELETE", "/v1/tables/vip/rows/%2B14155550101", {
      key: tenant.admin,
    });
    expect(del.status).toBe(204);
    expect(await lookupTable(env.services, tenant.account, "vip", "+14155550101")).toEqual({
      listed: false,
      value: null,
    });
    expect(
      (await call(env, "DELETE", "/v1/tables/vip/rows/%2B14155550101", { key: tenant.admin }))
        .status,
    ).toBe(404);
  });

  it("keeps tenants apart", async () => {
    const other = await createTenant(env, "Other");
    await call(env, "PUT", "/v1/tables/vip/rows/k1", { key: tenant.admin, body: { value: 1 } });
    expect((await call(env, "GET", "/v1/tables/vip/rows/k1", { key: other.admin })).status).toBe(
      404,
    );
    expect(await lookupTable(env.services, other.account, "vip", "k1")).toEqual({
      listed: false,
      value: null,
    });
  });

  it.each([
    ["/v1/tables/VIP!/rows/k", { value: 1 }, "name"],
    ["/v1/tables/vip/rows/k", {}, "value"],
    ["/v1/tables/vip/rows/k", { value: 1, extra: 2 }, ""],
    ["/v1/tables/vip/rows/k", { value: "x".repeat(20_000) }, "value"],
  ])("refuses PUT %s (case %#)", async (path, body, field) => {
    const res = await call(env, "PUT", path, { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    if (field) expect(JSON.stringify(res.body.error.details)).toContain(field);
  });
});

describe("http allow-list", () => {
  it("adds, lists and removes https origins; refuses anything else", async () => {
    const add = await call(env, "POST", "/v1/http-allow-list", {
      key: tenant.admin,
      body: { origin: "https://CRM.example.com:443" },
    });
    expect(add).toMatchObject({ status: 201, body: { origin: "https://crm.example.com" } });
    for (const origin of [
      "http://crm.example.com",
      "https://crm.example.com/api",
      "https://u:p@x.example",
      "nope",
      // The server's own networks: a tenant must not probe them through a flow.
      "https://169.254.169.254",
      "https://10.0.0.8:8443",
      "https://localhost",
    ]) {
      const res = await call(env, "POST", "/v1/http-allow-list", {
        key: tenant.admin,
        body: { origin },
      });
      expect(res.status, origin).toBe(400);
    }
    // Plain http to loopback only when the app allows it; this one does not.
    const loop = await call(env, "POST", "/v1/http-allow-list", {
      key: tenant.admin,
      body: { origin: "http://127.0.0.1:8080" },
    });
    expect(loop.status).toBe(400);
    expect((await call(env, "GET", "/v1/http-allow-list", { key: tenant.read })).body).toEqual({
      data: [{ origin: "https://crm.example.com" }],
    });
    const path = `/v1/http-allow-list?origin=${encodeURIComponent("https://crm.example.com")}`;
    expect((await call(env, "DELETE", path, { key: tenant.admin })).status).toBe(204);
    expect((await call(env, "DELETE", path, { key: tenant.admin })).status).toBe(404);
  });

  it("lets a flow's http source validate only once its host is allowed", async () => {
    const document = {
      version: 1,
      sources: {
        crm: { type: "http", url: "https://crm2.example.com/c/{caller_number}", fallback: {} },
      },
      start: "a",
      steps: { a: { when: "crm.vip == true", dial: { to: ["+14155550123"] } } },
      default_target: { to: ["+14155550124"] },
    };
    const before = await call(env, "POST", "/v1/call-flows", {
      key: tenant.admin,
      body: { name: "CRM", document },
    });
    expect(before.body.latest.errors).toEqual([
      {
        path: "sources.crm.url",
        message: "host https://crm2.example.com is not on the account's allow-list",
      },
      // The refused source is not declared, so the condition naming it is reported too.
      { path: "steps.a.when", message: "Unknown variable: crm" },
    ]);
    await call(env, "POST", "/v1/http-allow-list", {
      key: tenant.admin,
      body: { origin: "https://crm2.example.com" },
    });
    const after = await call(env, "PUT", `/v1/call-flows/${before.body.id}/versions`, {
      key: tenant.admin,
      body: { document },
    });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.latest).toMatchObject({ version: 2, valid: true, errors: [] });
  });
});

describeSecurity("PUT /v1/tables/{name}/rows/{key}", () => env, {
  scope: "admin",
  setup: async () => ({ method: "PUT", path: "/v1/tables/vip/rows/k9", body: { value: 1 } }),
});
describeSecurity("GET /v1/tables/{name}/rows/{key}", () => env, {
  scope: "read",
  owned: true,
  setup: async (e, owner) => {
    await call(e, "PUT", "/v1/tables/vip/rows/owned", { key: owner.admin, body: { value: 1 } });
    return { method: "GET", path: "/v1/tables/vip/rows/owned" };
  },
});
describeSecurity("POST /v1/http-allow-list", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/http-allow-list",
    body: { origin: "https://sec.example.com" },
  }),
});
