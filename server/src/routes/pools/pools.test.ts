import type { z } from "@hono/zod-openapi";
import { pools } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { addNumbers, createPool, createSite, TARGET } from "../../testing/fixtures";
import { describeSecurity, snapshotTables } from "../../testing/security";
import type { PoolSchema } from "./schemas";

type PoolBody = z.infer<typeof PoolSchema>;

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const NOW = "2026-11-24T15:00:00.000Z";
const SECOND_TARGET = "+14155550100";

const readRow = async (id: string) =>
  (await env.database.db.select().from(pools).where(eq(pools.id, id)))[0];

const siteWithTwoTargets = () => createSite(env, tenant, { targets: [TARGET, SECOND_TARGET] });

describe("POST /v1/pools", () => {
  it("creates a pool with defaults", async () => {
    const site = await createSite(env, tenant);
    const res = await call(env, "POST", "/v1/pools", {
      key: tenant.admin,
      body: { site: site.id, name: "Everyone", kind: "session" },
    });
    expect(res.status).toBe(201);
    const expected: PoolBody = {
      id: expect.stringMatching(/^pool_[a-z0-9]+$/),
      site: site.id,
      name: "Everyone",
      kind: "session",
      priority: 0,
      rules: {},
      target: null,
      fallback: null,
      on_exhausted: "share",
      numbers: 0,
      created_at: NOW,
    };
    expect(res.body).toEqual(expected);
    expect(await readRow(res.body.id)).toEqual({
      id: res.body.id,
      accountId: tenant.account,
      siteId: site.id,
      name: "Everyone",
      kind: "session",
      priority: 0,
      rules: {},
      target: null,
      fallback: null,
      onExhausted: "share",
      createdAt: Date.parse(NOW),
    });
  });

  it("stores normalized rules, target and fallback", async () => {
    const site = await siteWithTwoTargets();
    const res = await call(env, "POST", "/v1/pools", {
      key: tenant.admin,
      body: {
        site: site.id,
        name: "Google Ads",
        kind: "source",
        priority: 10,
        rules: {
          channel: ["Paid_Search"],
          source: [" Google "],
          region: ["us-ca"],
          referrer_domain: ["www.Google.com"],
          not: { device: ["mobile"] },
        },
        target: "+1 (415) 555-0100",
        fallback: "+1 800 555 0199",
        on_exhausted: "fallback",
      },
    });
    expect(res.status).toBe(201);
    const rules = {
      channel: ["paid_search"],
      source: ["google"],
      region: ["US-CA"],
      referrer_domain: ["google.com"],
      not: { device: ["mobile"] },
    };
    expect(res.body).toEqual({
      id: expect.stringMatching(/^pool_/),
      site: site.id,
      name: "Google Ads",
      kind: "source",
      priority: 10,
      rules,
      target: SECOND_TARGET,
      fallback: "+18005550199",
      on_exhausted: "fallback",
      numbers: 0,
      created_at: NOW,
    });
    expect(await readRow(res.body.id)).toMatchObject({
      rules,
      target: SECOND_TARGET,
      fallback: "+18005550199",
      onExhausted: "fallback",
      priority: 10,
    });
  });

  it("counts only the pool's active numbers", async () => {
    const site = await createSite(env, tenant);
    const pool = await createPool(env, tenant, site.id);
    const [, second] = await addNumbers(env, tenant, pool.id, ["+14155550301", "+14155550302"]);
    await call(env, "PATCH", `/v1/numbers/${second}`, {
      key: tenant.admin,
      body: { status: "quarantined" },
    });
    const res = await call(env, "GET", `/v1/pools/${pool.id}`, { key: tenant.read });
    expect(res.body.numbers).toBe(1);
  });

  const bad: [string, Record<string, unknown> | string, string, string][] = [
    ["malformed JSON", '{"name": "Pool"', "invalid_json", "Malformed JSON in request body"],
    ["an unknown kind", { kind: "visitor" }, "validation_failed", "Request is invalid"],
    ["a fractional priority", { priority: 1.5 }, "validation_failed", "Request is invalid"],
    ["a priority as a string", { priority: "1" }, "validation_failed", "Request is invalid"],
    ["no name", { name: undefined }, "validation_failed", "Request is invalid"],
    ["an invalid fallback", { fallback: "+1 555" }, "validation_failed", "Request is invalid"],
    ["an invalid target", { target: "12345" }, "validation_failed", "Request is invalid"],
    ["rules as a list", { rules: ["paid_search"] }, "validation_failed", "Request is invalid"],
    [
      "a target that is not one of the site's targets",
      { target: "+18005550199" },
      "validation_failed",
      "target +18005550199 is not one of the site's targets",
    ],
  ];
  it.each(bad)("refuses %s with 400 and writes nothing", async (_, body, code, message) => {
    const site = await createSite(env, tenant);
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/pools", {
      key: tenant.admin,
      body:
        typeof body === "string" ? body : { site: site.id, name: "Pool", kind: "session", ...body },
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, message });
    expect(await snapshotTables(env)).toEqual(before);
  });

  it.each([
    [{ chanel: ["paid_search"] }, "chanel: is not a known rule"],
    [{ channel: ["carrier_pigeon"] }, "channel[0]: must be one of"],
    [{ not: { device: ["desktop"], colour: ["red"] } }, "not.colour: is not a known rule"],
    [{ hours: { from: 25, to: 3 } }, "hours.from: must be an integer from 0 to 23"],
    [{ region: [] }, "region: must not be empty"],
  ])("refuses rules %j with the rule's path in the message", async (rules, message) => {
    const site = await createSite(env, tenant);
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/pools", {
      key: tenant.admin,
      body: { site: site.id, name: "Pool", kind: "session", rules },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(res.body.error.details).toEqual([
      { path: "rules", message: expect.stringContaining(message) },
    ]);
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("answers 404 for another tenant's site, or one that does not exist, and writes nothing", async () => {
    const other = await createTenant(env);
    const theirs = await createSite(env, other);
    for (const site of [theirs.id, "site_doesnotexist"]) {
      const before = await snapshotTables(env);
      const res = await call(env, "POST", "/v1/pools", {
        key: tenant.admin,
        body: { site, name: "Pool", kind: "session" },
      });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", message: "No such site" });
      expect(await snapshotTables(env)).toEqual(before);
    }
  });
});

describe("GET /v1/pools", () => {
  it("lists only the caller's pools, and filters by site", async () => {
    const mine = await createTenant(env);
    const theirs = await createTenant(env);
    const a = await createSite(env, mine);
    const b = await createSite(env, mine);
    const pa = await createPool(env, mine, a.id, { name: "A" });
    env.clock.advance(1000);
    const pb = await createPool(env, mine, b.id, { name: "B" });
    const foreign = await createSite(env, theirs);
    await createPool(env, theirs, foreign.id, { name: "Theirs" });

    const all = await call(env, "GET", "/v1/pools", { key: mine.read });
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: PoolBody) => [p.id, p.name])).toEqual([
      [pa.id, "A"],
      [pb.id, "B"],
    ]);
    const bySite = await call(env, "GET", `/v1/pools?site=${b.id}`, { key: mine.read });
    expect(bySite.body.data.map((p: PoolBody) => p.id)).toEqual([pb.id]);
    const foreignSite = await call(env, "GET", `/v1/pools?site=${foreign.id}`, {
      key: mine.read,
    });
    expect(foreignSite.body).toEqual({ data: [] });
  });

  it("gets one pool as it was created", async () => {
    const site = await createSite(env, tenant);
    const pool = await createPool(env, tenant, site.id, { rules: { device: ["mobile"] } });
    const res = await call(env, "GET", `/v1/pools/${pool.id}`, { key: tenant.read });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(pool);
  });

  it("answers 404 not_found for an id that does not exist", async () => {
    const res = await call(env, "GET", "/v1/pools/pool_doesnotexist", { key: tenant.read });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "No such pool" });
  });
});

describe("PATCH /v1/pools/{id}", () => {
  it("changes only the fields given, keeping rules it was not sent", async () => {
    const site = await siteWithTwoTargets();
    const pool = await createPool(env, tenant, site.id, {
      rules: { channel: ["paid_search"] },
      priority: 5,
      target: TARGET,
    });
    const before = await readRow(pool.id);
    const res = await call(env, "PATCH", `/v1/pools/${pool.id}`, {
      key: tenant.admin,
      body: { name: "Renamed" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...pool, name: "Renamed" });
    expect(await readRow(pool.id)).toEqual({ ...before, name: "Renamed" });

    const moved = await call(env, "PATCH", `/v1/pools/${pool.id}`, {
      key: tenant.admin,
      body: { target: "+1 415 555 0100", rules: { device: ["Mobile"] }, on_exhausted: "fallback" },
    });
    expect(moved.body).toEqual({
      ...pool,
      name: "Renamed",
      target: SECOND_TARGET,
      rules: { device: ["mobile"] },
      on_exhausted: "fallback",
    });
    expect(await readRow(pool.id)).toEqual({
      ...before,
      name: "Renamed",
      target: SECOND_TARGET,
      rules: { device: ["mobile"] },
      onExhausted: "fallback",
    });

    const cleared = await call(env, "PATCH", `/v1/pools/${pool.id}`, {
      key: tenant.admin,
      body: { target: null },
    });
    expect(cleared.body.target).toBeNull();
    expect((await readRow(pool.id))?.target).toBeNull();
  });

  it.each([
    ["a target that is not one of the site's targets", { target: "+18005550199" }],
    ["rules with an unknown field", { rules: { chanel: ["paid_search"] } }],
    ["a null name", { name: null }],
    ["an unknown on_exhausted", { on_exhausted: "wait" }],
  ])("refuses %s with 400 and leaves the pool as it was", async (_, body) => {
    const site = await createSite(env, tenant);
    const pool = await createPool(env, tenant, site.id, { target: TARGET });
    const before = await readRow(pool.id);
    const res = await call(env, "PATCH", `/v1/pools/${pool.id}`, { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(await readRow(pool.id)).toEqual(before);
  });

  it("answers 404 not_found for an id that does not exist", async () => {
    const res = await call(env, "PATCH", "/v1/pools/pool_doesnotexist", {
      key: tenant.admin,
      body: { name: "x" },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found" });
  });
});

describeSecurity("POST /v1/pools", () => env, {
  scope: "admin",
  owned: true,
  ok: 201,
  setup: async (env, owner) => ({
    method: "POST",
    path: "/v1/pools",
    body: { site: (await createSite(env, owner)).id, name: "Secured", kind: "session" },
  }),
});

describeSecurity("GET /v1/pools", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/pools" }),
});

describeSecurity("GET /v1/pools/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => ({
    method: "GET",
    path: `/v1/pools/${(await createPool(env, owner, (await createSite(env, owner)).id)).id}`,
  }),
});

describeSecurity("PATCH /v1/pools/{id}", () => env, {
  scope: "admin",
  owned: true,
  setup: async (env, owner) => ({
    method: "PATCH",
    path: `/v1/pools/${(await createPool(env, owner, (await createSite(env, owner)).id)).id}`,
    body: { name: "Renamed", priority: 3 },
  }),
});
