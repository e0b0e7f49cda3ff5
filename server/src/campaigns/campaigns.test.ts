import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createJobWorker } from "../jobs/index";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";
import { activeEventsFor } from "./active";

let env: TestEnv;
let tenant: Tenant;
let other: Tenant;

const A = "+14155550101"; // San Francisco (415), told us US-CA 94110 and coordinates
const B = "b@example.com"; // email only, in London
const C = "+12125550102"; // New York (212)
const D = "+442079460958"; // a London number, nothing else known
const TX = "+15125550103"; // caller only: carrier says US-TX 78701
const FL = "+13055550104"; // caller only: their web session was in Miami
const TEST_CALLER = "+17135550105"; // the account's test calls: never an audience

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

async function interaction(t: Tenant, customer: Record<string, unknown>) {
  const res = await call(env, "POST", "/v1/interactions", {
    key: t.admin,
    body: { channel: "web_form", customer, text: "is my area affected by the outage" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function seedCall(
  accountId: string,
  from: string,
  fields: {
    region?: string;
    zip?: string;
    session?: { lat: number; lon: number; region: string };
    test?: boolean;
  },
) {
  const id = `call_${Math.random().toString(36).slice(2, 12)}`;
  const at = env.clock.now() - 86_400_000;
  await env.database.client.execute({
    sql: `INSERT INTO calls (id, account_id, carrier, carrier_call_id, "from", "to", direction, status, started_at,
        caller_region, caller_zip, match_phase, is_test, updated_at)
      VALUES (?, ?, 'twilio', ?, ?, '+18005550100', 'inbound', 'completed', ?, ?, ?, 'end', ?, ?)`,
    args: [
      id,
      accountId,
      `CA${id}`,
      from,
      at,
      fields.region ?? null,
      fields.zip ?? null,
      fields.test ? 1 : 0,
      at,
    ],
  });
  if (fields.session) {
    const ses = `ses_${Math.random().toString(36).slice(2, 12)}`;
    await env.database.client.execute({
      sql: `INSERT INTO sessions (id, account_id, site_id, started_at, last_seen_at, channel, landing_url, landing_path,
          device, region, lat, lon) VALUES (?, ?, 'site_x', ?, ?, 'paid_search', 'https://e.com/', '/', 'desktop', ?, ?, ?)`,
      args: [ses, accountId, at, at, fields.session.region, fields.session.lat, fields.session.lon],
    });
    await env.database.client.execute({
      sql: `INSERT INTO call_matches (call_id, session_id, phase, probability, weight, contributions)
        VALUES (?, ?, 'end', 0.9, 5, '[]')`,
      args: [id, ses],
    });
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  other = await createTenant(env, "Other");
  await interaction(tenant, {
    phone: A,
    email: "A.Person@gmail.com",
    region: "US-CA",
    postal_code: "94110",
    lat: 37.76,
    lon: -122.42,
    attributes: { plan: "gold" },
  });
  await interaction(tenant, {
    email: B,
    country: "GB",
    region: "GB-ENG",
    postal_code: "SW1A 1AA",
    attributes: { plan: "basic" },
  });
  await interaction(tenant, {
    phone: C,
    region: "US-NY",
    postal_code: "10001",
    attributes: { plan: "gold" },
  });
  await interaction(tenant, { phone: D });
  await seedCall(tenant.account, A, { region: "US-CA", zip: "94110" });
  await seedCall(tenant.account, TX, { region: "US-TX", zip: "78701" });
  await seedCall(tenant.account, FL, { session: { lat: 25.77, lon: -80.19, region: "US-FL" } });
  await seedCall(tenant.account, TEST_CALLER, { region: "US-TX", test: true });
  // Another tenant's customer inside every area below: never in this tenant's audiences.
  await interaction(other, {
    phone: "+14155550199",
    email: "x@gmail.com",
    region: "US-CA",
    country: "GB",
    postal_code: "94110",
  });
});
afterAll(() => env.close());

const WINDOW = { starts_at: "2026-11-24T12:00:00Z", ends_at: "2026-11-25T12:00:00Z" };

async function runEvent(area: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await call(env, "POST", "/v1/events", {
    key: tenant.admin,
    body: { kind: "outage", ...WINDOW, area, actions: ["audience_export", "flag"], ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const worker = createJobWorker(env.services);
  while ((await worker.runOnce()) > 0) {}
  const done = await call(env, "GET", `/v1/events/${res.body.id}`, { key: tenant.read });
  const { rows } = await env.database.client.execute({
    sql: "SELECT customer_key FROM campaign_audience WHERE event_id = ? ORDER BY seq",
    args: [res.body.id],
  });
  return { event: done.body, keys: rows.map((r) => String(r.customer_key)) };
}

describe("event targeting by each area type", () => {
  it("countries: customers told GB and numbers in GB", async () => {
    const { event, keys } = await runEvent({ countries: ["GB"] });
    expect(keys).toEqual([D, B]);
    expect(event).toMatchObject({
      status: "done",
      progress: { total: 2, processed: 2, batches: 1 },
      matched_by: { country: 2 },
    });
  });

  it("regions: callers placed by the carrier and by their session's geo-IP; test calls left out", async () => {
    const { keys } = await runEvent({ regions: ["US-TX", "US-FL"] });
    expect(keys).toEqual([FL, TX]);
  });

  it("postal codes, exact and by prefix", async () => {
    expect((await runEvent({ postal_codes: ["941*", "SW1A1AA"] })).keys).toEqual([A, B]);
  });

  it("area codes", async () => {
    expect((await runEvent({ area_codes: ["212", "305"] })).keys).toEqual([C, FL]);
  });

  it("radius around Miami: the caller whose session was there", async () => {
    expect((await runEvent({ radius: { lat: 25.76, lon: -80.19, km: 50 } })).keys).toEqual([FL]);
  });

  it("attribute filters narrow the area", async () => {
    const { keys } = await runEvent(
      { regions: ["US-CA", "US-NY", "GB-ENG"] },
      { filters: { plan: "gold" } },
    );
    expect(keys).toEqual([C, A]);
  });
});

describe("an event over every area type at once", () => {
  it("counts matches per criterion type, batches and exported rows", async () => {
    const area = {
      countries: ["GB"],
      regions: ["US-TX"],
      postal_codes: ["941*"],
      area_codes: ["212"],
      radius: { lat: 25.76, lon: -80.19, km: 50 },
    };
    const { event, keys } = await runEvent(area, { batch_size: 4 });
    expect(keys).toEqual([C, FL, A, TX, D, B]);
    expect(event).toMatchObject({
      status: "done",
      progress: { total: 6, processed: 6, batches: 2 },
      matched_by: { country: 2, region: 1, postal: 1, area_code: 1, radius: 1 },
    });
    const csv = await call(env, "GET", `/v1/events/${event.id}/audience.csv`, { key: tenant.read });
    const rows = csv.body.trim().split("\n").slice(1);
    expect(rows).toHaveLength(6);
    console.log(
      `event run: matched_by ${JSON.stringify(event.matched_by)}, total ${event.progress.total}, batches ${event.progress.batches}, rows exported ${rows.length}`,
    );
  });
});

describe("audience export", () => {
  it("hashes phone and email as Google and Meta normalise them", async () => {
    const { event } = await runEvent({ postal_codes: ["94110"] });
    const google = await call(env, "GET", `/v1/events/${event.id}/audience.csv`, {
      key: tenant.read,
    });
    expect(google.status).toBe(200);
    expect(google.headers.get("content-type")).toContain("text/csv");
    // Google drops the dots of a gmail local part and keeps the + of E.164.
    expect(google.body).toBe(`Email,Phone\n${sha("aperson@gmail.com")},${sha(A)}\n`);
    const meta = await call(env, "GET", `/v1/events/${event.id}/audience.csv?platform=meta`, {
      key: tenant.read,
    });
    // Meta lowercases only, and wants digits without the +.
    expect(meta.body).toBe(`email,phone\n${sha("a.person@gmail.com")},${sha(A.slice(1))}\n`);
  });
});

describe("a long run resumes from its checkpoint", () => {
  it("continues after a worker died holding the job, handling every batch once", async () => {
    const area = { countries: ["GB"], regions: ["US-TX", "US-FL", "US-CA", "US-NY"] };
    const res = await call(env, "POST", "/v1/events", {
      key: tenant.admin,
      body: { kind: "storm", ...WINDOW, area, actions: ["audience_export"], batch_size: 2 },
    });
    const id = res.body.id;
    const first = createJobWorker(env.services, { campaigns: { batchesPerRun: 1 } });
    expect(await first.runOnce()).toBe(1);
    const partial = await call(env, "GET", `/v1/events/${id}`, { key: tenant.read });
    expect(partial.body).toMatchObject({
      status: "running",
      progress: { total: 6, processed: 2, batches: 1 },
    });

    // A worker claims the successor job and dies: the job is leased, nobody runs it.
    await env.database.client.execute({
      sql: "UPDATE jobs SET status = 'running', attempts = attempts + 1, run_after = ? WHERE kind = 'campaign_event_run' AND status = 'queued'",
      args: [env.clock.now() + 5 * 60_000],
    });
    // A restarted server: new services over the same database.
    const restarted = createApp({ database: env.database, now: env.clock.now });
    const second = createJobWorker(restarted.services, { campaigns: { batchesPerRun: 1 } });
    expect(await second.runOnce()).toBe(0);
    env.clock.advance(5 * 60_000 + 1);
    while ((await second.runOnce()) > 0) {}

    const done = await call(env, "GET", `/v1/events/${id}`, { key: tenant.read });
    expect(done.body).toMatchObject({
      status: "done",
      progress: { total: 6, processed: 6, batches: 3 },
      matched_by: { country: 2, region: 4 },
    });
    const { rows } = await env.database.client.execute({
      sql: "SELECT count(*) AS n, count(DISTINCT customer_key) AS k, count(processed_at) AS p FROM campaign_audience WHERE event_id = ?",
      args: [id],
    });
    expect(rows[0]).toMatchObject({ n: 6, k: 6, p: 6 });
    const csv = await call(env, "GET", `/v1/events/${id}/audience.csv`, { key: tenant.read });
    expect(csv.body.trim().split("\n")).toHaveLength(7);
  });
});

describe("event.active for call flows", () => {
  it("flags callers in the audience or the area, inside the window, for this account only", async () => {
    await runEvent({ regions: ["US-TX"] });
    const now = env.clock.now();
    const active = await activeEventsFor(env.database.client, tenant.account, TX, "US-TX", now);
    expect(active.map((e) => e.reasons)).toContainEqual(["region:US-TX"]);
    // A first-time caller from the area is affected too.
    const stranger = await activeEventsFor(
      env.database.client,
      tenant.account,
      "+15125550999",
      "US-TX",
      now,
    );
    expect(stranger.length).toBeGreaterThan(0);
    expect(
      await activeEventsFor(env.database.client, tenant.account, "+16175550100", "US-MA", now),
    ).toEqual([]);
    expect(
      await activeEventsFor(
        env.database.client,
        tenant.account,
        TX,
        "US-TX",
        Date.parse("2026-11-26T00:00:00Z"),
      ),
    ).toEqual([]);
    expect(await activeEventsFor(env.database.client, other.account, TX, "US-TX", now)).toEqual([]);
    // With attribute filters only the snapshot counts: C is gold, a stranger in NY is not known.
    const gold = await runEvent({ regions: ["US-NY"] }, { filters: { plan: "gold" } });
    const flagged = (phone: string) =>
      activeEventsFor(env.database.client, tenant.account, phone, "US-NY", now).then((l) =>
        l.some((e) => e.id === gold.event.id),
      );
    expect(await flagged(C)).toBe(true);
    expect(await flagged("+12125550999")).toBe(false);
  });
});
