import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";

let env: TestEnv;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  other = await createTenant(env, "Other");
});
afterAll(() => env.close());

const WINDOW = { starts_at: "2026-11-24T12:00:00Z", ends_at: "2026-11-25T12:00:00Z" };

describe("bad input and tenants", () => {
  it("refuses bad events with 400 and queues nothing", async () => {
    const { rows: before } = await env.database.client.execute(
      "SELECT count(*) AS n FROM campaign_events",
    );
    const bodies = [
      { kind: "storm", ...WINDOW, area: {}, actions: ["flag"] },
      { kind: "storm", ...WINDOW, area: { area_codes: ["12"] }, actions: ["flag"] },
      {
        kind: "storm",
        ...WINDOW,
        area: { radius: { lat: 100, lon: 0, km: 5 } },
        actions: ["flag"],
      },
      {
        kind: "storm",
        starts_at: WINDOW.ends_at,
        ends_at: WINDOW.starts_at,
        area: { countries: ["US"] },
        actions: ["flag"],
      },
      {
        kind: "storm",
        ...WINDOW,
        area: { countries: ["US"] },
        actions: ["sms"],
        sms: { from: "+14155550000", body: "x" },
      },
      { kind: "storm", ...WINDOW, area: { countries: ["US"] }, actions: [] },
      { kind: "storm", ...WINDOW, area: { countries: ["US"] }, actions: ["flag"], surprise: true },
    ];
    for (const body of bodies) {
      const res = await call(env, "POST", "/v1/events", { key: tenant.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const { rows: after } = await env.database.client.execute(
      "SELECT count(*) AS n FROM campaign_events",
    );
    expect(after).toEqual(before);
  });

  it("another tenant's event is 404, its audience too", async () => {
    const created = await call(env, "POST", "/v1/events", {
      key: tenant.admin,
      body: { kind: "storm", ...WINDOW, area: { countries: ["GB"] }, actions: ["audience_export"] },
    });
    expect(created.body).toMatchObject({
      status: "queued",
      progress: { total: null, processed: 0, batches: 0 },
    });
    const event = created.body;
    expect((await call(env, "GET", `/v1/events/${event.id}`, { key: tenant.read })).status).toBe(
      200,
    );
    expect((await call(env, "GET", `/v1/events/${event.id}`, { key: other.admin })).status).toBe(
      404,
    );
    expect(
      (await call(env, "GET", `/v1/events/${event.id}/audience.csv`, { key: other.admin })).status,
    ).toBe(404);
    const list = await call(env, "GET", "/v1/events", { key: other.read });
    expect(list.body.data).toEqual([]);
  });
});

describeSecurity("POST /v1/events", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/events",
    body: { kind: "storm", ...WINDOW, area: { countries: ["US"] }, actions: ["flag"] },
  }),
});
