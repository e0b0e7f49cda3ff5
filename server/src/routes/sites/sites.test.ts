import { sites } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { createPool, createSite, TARGET } from "../../testing/fixtures";
import { describeSecurity, snapshotTables } from "../../testing/security";
import type { SiteBody } from "./schemas";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const NOW = "2026-11-24T15:00:00.000Z";
const snippet = (publicKey: string) =>
  `<script async src="http://localhost/v1/rt.js" data-site="${publicKey}"></script>`;

const readRow = async (id: string) =>
  (await env.database.db.select().from(sites).where(eq(sites.id, id)))[0];

describe("POST /v1/sites", () => {
  it("creates a site with normalized origins and targets and a default hold time", async () => {
    const res = await call(env, "POST", "/v1/sites", {
      key: tenant.admin,
      body: {
        name: "Acme Plumbing",
        origins: ["https://Acme.example", "http://localhost:5173"],
        targets: ["+1 (800) 555-0100", "+14155550100"],
      },
    });
    expect(res.status).toBe(201);
    const expected: SiteBody = {
      id: expect.stringMatching(/^site_[a-z0-9]+$/),
      public_key: expect.stringMatching(/^pk_[a-z0-9]{24}$/),
      name: "Acme Plumbing",
      origins: ["https://acme.example", "http://localhost:5173"],
      targets: ["+18005550100", "+14155550100"],
      hold_s: 1800,
      hold_min_s: null,
      hold_max_s: null,
      exploration: 0.05,
      number_price_cents: 115,
      quarantine_days: 14,
      snippet: expect.any(String),
      created_at: NOW,
    };
    expect(res.body).toEqual(expected);
    expect(res.body.snippet).toBe(snippet(res.body.public_key));
    expect(await readRow(res.body.id)).toEqual({
      id: res.body.id,
      accountId: tenant.account,
      name: "Acme Plumbing",
      publicKey: res.body.public_key,
      origins: ["https://acme.example", "http://localhost:5173"],
      targets: ["+18005550100", "+14155550100"],
      holdS: 1800,
      holdMinS: null,
      holdMaxS: null,
      exploration: 0.05,
      numberPriceCents: 115,
      quarantineDays: 14,
      createdAt: Date.parse(NOW),
    });
  });

  it("gives every site its own public key", async () => {
    const a = await createSite(env, tenant);
    const b = await createSite(env, tenant);
    expect(a.public_key).not.toBe(b.public_key);
  });

  const valid = { name: "Site", origins: ["https://example.com"], targets: [TARGET] };
  it.each([
    ["a missing name", { ...valid, name: undefined }, "name"],
    ["an empty name", { ...valid, name: "" }, "name"],
    ["a numeric name", { ...valid, name: 5 }, "name"],
    ["origins as a string", { ...valid, origins: "https://example.com" }, "origins"],
    ["no origins", { ...valid, origins: [] }, "origins"],
    ["an origin with a path", { ...valid, origins: ["https://example.com/shop"] }, "origins.0"],
    [
      "an origin with a trailing slash",
      { ...valid, origins: ["https://example.com/"] },
      "origins.0",
    ],
    ["an origin without a scheme", { ...valid, origins: ["example.com"] }, "origins.0"],
    ["a too short number", { ...valid, targets: ["+1 555"] }, "targets.0"],
    ["a number without a country code", { ...valid, targets: ["12345"] }, "targets.0"],
    ["a target with letters", { ...valid, targets: ["call us"] }, "targets.0"],
    ["no targets", { ...valid, targets: [] }, "targets"],
    ["hold_s as a string", { ...valid, hold_s: "1800" }, "hold_s"],
    ["hold_s below a minute", { ...valid, hold_s: 59 }, "hold_s"],
    ["a fractional hold_s", { ...valid, hold_s: 90.5 }, "hold_s"],
  ])("refuses %s with 400 validation_failed and writes nothing", async (_, body, path) => {
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/sites", { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(res.body.error.details).toContainEqual({ path, message: expect.any(String) });
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("says why a phone number is invalid", async () => {
    const res = await call(env, "POST", "/v1/sites", {
      key: tenant.admin,
      body: { ...valid, targets: ["+1 555"] },
    });
    expect(res.body.error.details).toEqual([
      { path: "targets.0", message: expect.stringMatching(/^invalid_phone_number: /) },
    ]);
  });

  it("refuses malformed JSON with 400 and writes nothing", async () => {
    const before = await snapshotTables(env);
    const res = await call(env, "POST", "/v1/sites", {
      key: tenant.admin,
      body: '{"name": "Site",',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_json" });
    expect(await snapshotTables(env)).toEqual(before);
  });
});

describe("GET /v1/sites", () => {
  it("lists only the caller's sites, oldest first", async () => {
    const mine = await createTenant(env);
    const theirs = await createTenant(env);
    const first = await createSite(env, mine, { name: "First" });
    env.clock.advance(1000);
    const second = await createSite(env, mine, { name: "Second" });
    await createSite(env, theirs, { name: "Theirs" });
    const res = await call(env, "GET", "/v1/sites", { key: mine.read });
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: SiteBody) => [s.id, s.name])).toEqual([
      [first.id, "First"],
      [second.id, "Second"],
    ]);
  });

  it("gets one site as it was created", async () => {
    const created = await createSite(env, tenant);
    const res = await call(env, "GET", `/v1/sites/${created.id}`, { key: tenant.read });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
  });

  it("answers 404 not_found for an id that does not exist", async () => {
    const res = await call(env, "GET", "/v1/sites/site_doesnotexist", { key: tenant.read });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "No such site" });
  });
});

describe("PATCH /v1/sites/{id}", () => {
  it("changes only the fields given", async () => {
    const site = await createSite(env, tenant, { name: "Before", hold_s: 900 });
    const before = await readRow(site.id);
    const res = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body: { name: "After" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...site, name: "After" });
    expect(await readRow(site.id)).toEqual({ ...before, name: "After" });

    const again = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body: { origins: ["https://WWW.Example.com"], hold_s: 3600 },
    });
    expect(again.body).toEqual({
      ...site,
      name: "After",
      origins: ["https://www.example.com"],
      hold_s: 3600,
    });
    expect(await readRow(site.id)).toEqual({
      ...before,
      name: "After",
      origins: ["https://www.example.com"],
      holdS: 3600,
    });
  });

  it("an empty body changes nothing", async () => {
    const site = await createSite(env, tenant);
    const before = await readRow(site.id);
    const res = await call(env, "PATCH", `/v1/sites/${site.id}`, { key: tenant.admin, body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(site);
    expect(await readRow(site.id)).toEqual(before);
  });

  it.each([
    ["a null name", { name: null }, "validation_failed"],
    ["an origin with a path", { origins: ["https://example.com/path"] }, "validation_failed"],
    ["an invalid target", { targets: ["12345"] }, "validation_failed"],
    ["hold_s as a string", { hold_s: "60" }, "validation_failed"],
    ["malformed JSON", "{name:", "invalid_json"],
  ])("refuses %s with 400 and leaves the site as it was", async (_, body, code) => {
    const site = await createSite(env, tenant);
    const before = await readRow(site.id);
    const res = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code });
    expect(await readRow(site.id)).toEqual(before);
  });

  it("refuses to drop a target that a pool replaces: 409 conflict", async () => {
    const site = await createSite(env, tenant, { targets: [TARGET, "+14155550100"] });
    const pool = await createPool(env, tenant, site.id, { target: "+14155550100" });
    const before = await readRow(site.id);
    const res = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body: { targets: [TARGET] },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "conflict",
      message: `target +14155550100 is used by pool ${pool.id}; change the pool first`,
    });
    expect(await readRow(site.id)).toEqual(before);

    const kept = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body: { targets: ["+1 415 555 0100", "+18005550199"] },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.targets).toEqual(["+14155550100", "+18005550199"]);
  });

  it("answers 404 not_found for an id that does not exist", async () => {
    const res = await call(env, "PATCH", "/v1/sites/site_doesnotexist", {
      key: tenant.admin,
      body: { name: "x" },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found" });
  });
});

describeSecurity("POST /v1/sites", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/sites",
    body: { name: "Secured", origins: ["https://example.com"], targets: [TARGET] },
  }),
});

describeSecurity("GET /v1/sites", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/sites" }),
});

describeSecurity("GET /v1/sites/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => ({
    method: "GET",
    path: `/v1/sites/${(await createSite(env, owner)).id}`,
  }),
});

describeSecurity("PATCH /v1/sites/{id}", () => env, {
  scope: "admin",
  owned: true,
  setup: async (env, owner) => ({
    method: "PATCH",
    path: `/v1/sites/${(await createSite(env, owner)).id}`,
    body: { name: "Renamed", hold_s: 600 },
  }),
});
