import { afterAll, beforeAll, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";
import { createPool, createSite } from "../testing/fixtures";

let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

it("refuses misspelt fields on every admin write instead of silently ignoring them", async () => {
  const site = await createSite(env, tenant);
  const pool = await createPool(env, tenant, site.id);
  const cases: [string, string, Record<string, unknown>][] = [
    [
      "POST",
      "/v1/sites",
      { name: "S", origins: ["https://a.example"], targets: ["+18005550100"], hold: 60 },
    ],
    ["PATCH", `/v1/sites/${site.id}`, { nmae: "x" }],
    ["POST", "/v1/pools", { site: site.id, name: "P", kind: "session", priorty: 3 }],
    ["PATCH", `/v1/pools/${pool.id}`, { fallbak: "+18885550100" }],
    ["POST", "/v1/numbers", { number: "+14155550100", carrier: "twilio", forward: "+14155550000" }],
  ];
  for (const [method, path, body] of cases) {
    const res = await call(env, method, path, { key: tenant.admin, body });
    expect(res.status, `${method} ${path}`).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(JSON.stringify(res.body.error.details)).toMatch(/unrecognized|Unrecognized/);
  }
  const sites = await env.database.client.execute({
    sql: "SELECT name FROM sites WHERE id = ?",
    args: [site.id],
  });
  expect(sites.rows[0]?.name).toBe("Example");
});

it("refuses a body over the global limit on any route with 413", async () => {
  const res = await call(env, "POST", "/v1/sites", {
    key: tenant.admin,
    body: JSON.stringify({ name: "x".repeat(5 * 1024 * 1024) }),
    headers: { "content-type": "application/json" },
  });
  expect(res.status).toBe(413);
  expect(res.body.error.code).toBe("payload_too_large");
});
