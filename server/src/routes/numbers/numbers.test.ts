import type { z } from "@hono/zod-openapi";
import { numbers } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { addNumbers, createPool, createSite } from "../../testing/fixtures";
import { describeSecurity, snapshotTables } from "../../testing/security";
import type { NumberSchema } from "./schemas";

type NumberBody = z.infer<typeof NumberSchema>;

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const NOW = "2026-11-24T15:00:00.000Z";

const readRow = async (id: string) =>
  (await env.database.db.select().from(numbers).where(eq(numbers.id, id)))[0];
const rowsFor = async (e164: string) =>
  env.database.db.select().from(numbers).where(eq(numbers.e164, e164));

async function freshPool(t: Tenant = tenant) {
  return createPool(env, t, (await createSite(env, t)).id);
}

describe("POST /v1/numbers", () => {
  it("registers a local number with its region and kind derived from the number", async () => {
    const pool = await freshPool();
    const res = await call(env, "POST", "/v1/numbers", {
      key: tenant.admin,
      body: { number: "+14155550123", carrier: "twilio", pool: pool.id },
    });
    expect(res.status).toBe(201);
    const expected: NumberBody = {
      id: expect.stringMatching(/^num_[a-z0-9]+$/),
      number: "+14155550123",
      display: "(415) 555-0123",
      carrier: "twilio",
      pool: pool.id,
      region: "US-CA",
      kind: "local",
      status: "active",
      forward_to: null,
      leased: false,
      created_at: NOW,
    };
    expect(res.body).toEqual(expected);
    expect(await readRow(res.body.id)).toEqual({
      id: res.body.id,
      accountId: tenant.account,
      poolId: pool.id,
      e164: "+14155550123",
      carrier: "twilio",
      region: "US-CA",
      kind: "local",
      status: "active",
      forwardTo: null,
      callFlowId: null,
      quarantinedUntil: null,
      leasedUntil: 0,
      holder: null,
      createdAt: Date.parse(NOW),
    });
  });

  it("derives toll_free, and no region, for a toll-free number; normalizes what was typed", async () => {
    const res = await call(env, "POST", "/v1/numbers", {
      key: tenant.admin,
      body: {
        number: "+1 (888) 555-0123",
        carrier: "telnyx",
        forward_to: "+1 212 555 0100",
        status: "quarantined",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^num_/),
      number: "+18885550123",
      display: "(888) 555-0123",
      carrier: "telnyx",
      pool: null,
      region: null,
      kind: "toll_free",
      status: "quarantined",
      forward_to: "+12125550100",
      leased: false,
      created_at: NOW,
    });
    expect(await readRow(res.body.id)).toMatchObject({
      e164: "+18885550123",
      kind: "toll_free",
      region: null,
      forwardTo: "+12125550100",
      poolId: null,
    });
  });

  it("refuses a number already registered, by anyone, with 409 conflict", async () => {
    const other = await createTenant(env);
    await addNumbers(env, other, (await freshPool(other)).id, ["+13125550140"]);
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/numbers", {
      key: tenant.admin,
      body: { number: "+1 312-555-0140", carrier: "twilio" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "conflict",
      message: "+13125550140 is already registered",
    });
    expect(await snapshotTables(env)).toEqual(before);
    expect(await rowsFor("+13125550140")).toMatchObject([{ accountId: other.account }]);
  });

  it("answers 404 for another tenant's pool, or one that does not exist, and writes nothing", async () => {
    const theirs = await freshPool(await createTenant(env));
    for (const pool of [theirs.id, "pool_doesnotexist"]) {
      const before = await snapshotTables(env);
      const res = await call(env, "POST", "/v1/numbers", {
        key: tenant.admin,
        body: { number: "+13125550141", carrier: "twilio", pool },
      });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", message: "No such pool" });
      expect(await snapshotTables(env)).toEqual(before);
    }
  });

  const valid = { number: "+13125550150", carrier: "twilio" };
  it.each([
    ["a too short number", { ...valid, number: "+1 555" }, "number"],
    ["a number without a country code", { ...valid, number: "12345" }, "number"],
    ["an unassigned area code", { ...valid, number: "+11115550150" }, "number"],
    ["a number as a JSON number", { ...valid, number: 13125550150 }, "number"],
    ["an unknown carrier", { ...valid, carrier: "verizon" }, "carrier"],
    ["no carrier", { number: valid.number }, "carrier"],
    ["an invalid forward_to", { ...valid, forward_to: "+1 555" }, "forward_to"],
    ["an unknown status", { ...valid, status: "sleeping" }, "status"],
    ["an unknown kind", { ...valid, kind: "mobile" }, "kind"],
  ])("refuses %s with 400 validation_failed and writes nothing", async (_, body, path) => {
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/numbers", { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(res.body.error.details).toEqual([{ path, message: expect.any(String) }]);
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("refuses malformed JSON with 400 and writes nothing", async () => {
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/numbers", {
      key: tenant.admin,
      body: "number=+13125550150",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_json" });
    expect(await snapshotTables(env)).toEqual(before);
  });
});

describe("GET /v1/numbers", () => {
  it("lists only the caller's numbers, and filters by pool", async () => {
    const mine = await createTenant(env);
    const theirs = await createTenant(env);
    const a = await freshPool(mine);
    const b = await freshPool(mine);
    const [a1, a2] = await addNumbers(env, mine, a.id, ["+16175550161", "+16175550162"]);
    const [b1] = await addNumbers(env, mine, b.id, ["+16175550163"]);
    await addNumbers(env, theirs, (await freshPool(theirs)).id, ["+16175550164"]);

    const all = await call(env, "GET", "/v1/numbers", { key: mine.read });
    expect(all.status).toBe(200);
    expect(all.body.data.map((n: NumberBody) => [n.id, n.number])).toEqual([
      [a1, "+16175550161"],
      [a2, "+16175550162"],
      [b1, "+16175550163"],
    ]);
    const byPool = await call(env, "GET", `/v1/numbers?pool=${b.id}`, { key: mine.read });
    expect(byPool.body.data.map((n: NumberBody) => n.id)).toEqual([b1]);
  });

  it("gets one number as it was created", async () => {
    const pool = await freshPool();
    const created = await call(env, "POST", "/v1/numbers", {
      key: tenant.admin,
      body: { number: "+16175550170", carrier: "signalwire", pool: pool.id },
    });
    const res = await call(env, "GET", `/v1/numbers/${created.body.id}`, { key: tenant.read });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it("answers 404 not_found for an id that does not exist", async () => {
    const res = await call(env, "GET", "/v1/numbers/num_doesnotexist", { key: tenant.read });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "No such number" });
  });
});

describe("PATCH /v1/numbers/{id}", () => {
  it("changes only the fields given", async () => {
    const from = await freshPool();
    const to = await freshPool();
    const [id] = await addNumbers(env, tenant, from.id, ["+17185550180"]);
    const before = (await readRow(id!))!;
    const original = (await call(env, "GET", `/v1/numbers/${id}`, { key: tenant.read })).body;

    const moved = await call(env, "PATCH", `/v1/numbers/${id}`, {
      key: tenant.admin,
      body: { pool: to.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ ...original, pool: to.id });
    expect(await readRow(id!)).toEqual({ ...before, poolId: to.id });

    const parked = await call(env, "PATCH", `/v1/numbers/${id}`, {
      key: tenant.admin,
      body: { status: "retired", forward_to: "+1 212 555 0100", pool: null },
    });
    expect(parked.body).toEqual({
      ...original,
      pool: null,
      status: "retired",
      forward_to: "+12125550100",
    });
    expect(await readRow(id!)).toEqual({
      ...before,
      poolId: null,
      status: "retired",
      forwardTo: "+12125550100",
    });
  });

  it("answers 404 for a move into another tenant's pool, and leaves the number where it was", async () => {
    const pool = await freshPool();
    const [id] = await addNumbers(env, tenant, pool.id, ["+17185550181"]);
    const before = await readRow(id!);
    const theirs = await freshPool(await createTenant(env));
    const res = await call(env, "PATCH", `/v1/numbers/${id}`, {
      key: tenant.admin,
      body: { pool: theirs.id },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "No such pool" });
    expect(await readRow(id!)).toEqual(before);
  });

  it.each([
    ["an invalid forward_to", { forward_to: "12345" }, "+17185550182"],
    ["an unknown status", { status: "gone" }, "+17185550183"],
    ["a pool as a number", { pool: 7 }, "+17185550184"],
  ])("refuses %s with 400 and leaves the number as it was", async (_, body, e164) => {
    const [id] = await addNumbers(env, tenant, (await freshPool()).id, [e164]);
    const before = await readRow(id!);
    const res = await call(env, "PATCH", `/v1/numbers/${id}`, { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(await readRow(id!)).toEqual(before);
  });
});

describeSecurity("POST /v1/numbers", () => env, {
  scope: "admin",
  owned: true,
  ok: 201,
  setup: async (env, owner) => ({
    method: "POST",
    path: "/v1/numbers",
    body: {
      number: "+12065550190",
      carrier: "twilio",
      pool: (await createPool(env, owner, (await createSite(env, owner)).id)).id,
    },
  }),
});

describeSecurity("GET /v1/numbers", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/numbers" }),
});

async function ownedNumber(env: TestEnv, owner: Tenant, e164: string) {
  const pool = await createPool(env, owner, (await createSite(env, owner)).id);
  const [id] = await addNumbers(env, owner, pool.id, [e164]);
  return id!;
}

describeSecurity("GET /v1/numbers/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => ({
    method: "GET",
    path: `/v1/numbers/${await ownedNumber(env, owner, "+12065550191")}`,
  }),
});

describeSecurity("PATCH /v1/numbers/{id}", () => env, {
  scope: "admin",
  owned: true,
  setup: async (env, owner) => ({
    method: "PATCH",
    path: `/v1/numbers/${await ownedNumber(env, owner, "+12065550192")}`,
    body: { status: "quarantined" },
  }),
});
