import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const create = (t: Tenant, body: Record<string, unknown>) =>
  call(env, "POST", "/v1/response-templates", { key: t.admin, body });

describe("response templates", () => {
  it("creates one per subject and medium, updates, lists and deletes it", async () => {
    const res = await create(tenant, {
      subject: "billing",
      medium: "sms",
      body: "We got your {{subject}} question",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^tpl_/),
      subject: "billing",
      medium: "sms",
      body: "We got your {{subject}} question",
      created_at: "2026-11-24T15:00:00.000Z",
    });
    const dup = await create(tenant, { subject: "billing", medium: "sms", body: "again" });
    expect(dup.status).toBe(409);
    const patched = await call(env, "PATCH", `/v1/response-templates/${res.body.id}`, {
      key: tenant.admin,
      body: { body: "Thanks, {{name}}" },
    });
    expect(patched.body.body).toBe("Thanks, {{name}}");
    const list = await call(env, "GET", "/v1/response-templates", { key: tenant.read });
    expect(list.body.data).toEqual([patched.body]);
    expect(
      (await call(env, "DELETE", `/v1/response-templates/${res.body.id}`, { key: tenant.admin }))
        .status,
    ).toBe(204);
    expect(
      (await call(env, "DELETE", `/v1/response-templates/${res.body.id}`, { key: tenant.admin }))
        .status,
    ).toBe(404);
  });

  it("refuses bad templates with 400", async () => {
    for (const body of [
      { subject: "billing", medium: "fax", body: "x" },
      { subject: "Billing!", medium: "sms", body: "x" },
      { subject: "billing", medium: "sms", body: "" },
      { subject: "billing", medium: "sms", body: "x", extra: true },
    ]) {
      expect((await create(tenant, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describeSecurity("PATCH /v1/response-templates/{id}", () => env, {
  scope: "admin",
  owned: true,
  setup: async (_env, owner) => ({
    method: "PATCH",
    path: `/v1/response-templates/${(await create(owner, { subject: "sales", medium: "email", body: "Hi" })).body.id}`,
    body: { body: "Hello" },
  }),
});
