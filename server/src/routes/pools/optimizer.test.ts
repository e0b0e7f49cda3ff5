import { areaCodesFor } from "@ringtrail/core/optimize";
import { newId } from "@ringtrail/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges } from "../../optimize/apply";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { addNumbers, createPool, createSite, visit } from "../../testing/fixtures";
import { describeSecurity } from "../../testing/security";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00Z`);
const MIN = 60_000;
const DAY = 86_400_000;

async function sql(stmt: string, args: (string | number | null)[] = []) {
  return (await env.database.client.execute({ sql: stmt, args })).rows;
}

/** A session of `site` in `pool`, as a visit would have written it. */
async function session(site: string, pool: string, region: string | null, start: number) {
  const id = newId("ses");
  await sql(
    `INSERT INTO sessions (id, account_id, site_id, pool_id, started_at, last_seen_at, channel,
      landing_url, landing_path, device, region, country)
     VALUES (?, ?, ?, ?, ?, ?, 'paid_search', 'https://example.com/', '/', 'desktop', ?, 'US')`,
    [id, tenant.account, site, pool, start, start, region],
  );
  return id;
}

async function lease(sessionId: string, numberId: string, start: number, end: number) {
  await sql(
    `INSERT INTO leases (id, account_id, session_id, number_id, target, kind, assigned_at, last_seen_at, until)
     VALUES (?, ?, ?, ?, '+18005550100', 'exclusive', ?, ?, ?)`,
    [newId("lse"), tenant.account, sessionId, numberId, start, start, end],
  );
}

async function holdLive(numberId: string, until: number) {
  await sql("UPDATE numbers SET leased_until = ? WHERE id = ?", [until, numberId]);
}

async function numberRow(id: string) {
  const [row] = await sql("SELECT pool_id, status, quarantined_until FROM numbers WHERE id = ?", [
    id,
  ]);
  return row;
}

describe("GET /v1/pools/{id}/report", () => {
  it("reports utilization, exhaustion, sizing with cost and regions to buy on a seeded history", async () => {
    env.clock.set(at("15:00"));
    const site = await createSite(env, tenant, { number_price_cents: 200 });
    const pool = (await createPool(env, tenant, site.id, { name: "A" })).id;
    const other = (await createPool(env, tenant, site.id, { name: "B", priority: -1 })).id;
    const [n1, n2] = await addNumbers(env, tenant, pool, ["+13035550101", "+13035550102"]);
    // 12:00–12:30 and 12:15–12:45 overlap: both numbers leased, the pool of 2 is exhausted
    // for 15 minutes; 13:00–14:00 is one number for an hour.
    await lease(await session(site.id, pool, "US-CO", at("12:00")), n1!, at("12:00"), at("12:30"));
    await lease(await session(site.id, pool, "US-CO", at("12:15")), n2!, at("12:15"), at("12:45"));
    await lease(await session(site.id, pool, "US-CO", at("13:00")), n1!, at("13:00"), at("14:00"));
    // Pool B's visitors are in California and it has no numbers at all.
    await session(site.id, other, "US-CA", at("12:05"));
    await session(site.id, other, "US-CA", at("13:05"));

    const res = await call(
      env,
      "GET",
      `/v1/pools/${pool}/report?from=2026-11-24T12:00:00Z&to=2026-11-24T15:00:00Z`,
      { key: tenant.read },
    );
    expect(res.status).toBe(200);
    const hour = (h: string, arrivals: number, hold: number, inUse: number, peak: number) => ({
      hour: `2026-11-24T${h}:00:00.000Z`,
      arrivals,
      mean_hold_s: hold,
      mean_in_use: inUse,
      peak_in_use: peak,
      utilization: inUse / 2,
    });
    expect(res.body.pool_size).toBe(2);
    expect(res.body.utilization).toEqual([
      hour("12", 2, 1800, 1, 2),
      hour("13", 1, 3600, 1, 1),
      hour("14", 0, 0, 0, 0),
    ]);
    expect(res.body.exhaustion).toEqual({
      events: [{ start: "2026-11-24T12:15:00.000Z", end: "2026-11-24T12:30:00.000Z" }],
      exhausted_share: 0.083333,
      visits_shared: 0,
      visits_fallback: 0,
    });
    // Peak hour 12: 2 arrivals × 1800 s = 1 Erlang. Erlang B(2, 1) = 0.2; 1% needs 5
    // numbers. 24 visitors a day on the 30-minute sweep curve reach 90% between 2 (87.3%)
    // and 3 (90.4%) numbers: 3.
    expect(res.body.sizing).toEqual({
      daily_visitors: 24,
      peak_hour: "2026-11-24T12:00:00.000Z",
      peak_erlangs: 1,
      exhaustion_now: 0.2,
      price_per_number_cents: 200,
      current: { size: 2, monthly_cost_cents: 400 },
      for_exhaustion: { size: 5, monthly_cost_cents: 1000, target: 0.01 },
      for_accuracy: { size: 3, monthly_cost_cents: 600, target: 0.9 },
    });
    expect(res.body.learning.rates).toEqual([
      {
        channel: "paid_search",
        characteristic: "local:in_region",
        leases: 3,
        calls: 0,
        rate: 0.2,
        lower: expect.any(Number),
        upper: expect.any(Number),
      },
    ]);
    expect(res.body.recommendations).toEqual({
      add_numbers: [],
      retire_or_quarantine: [],
      reactivate: [],
      moves: [],
    });

    const b = await call(env, "GET", `/v1/pools/${other}/report?target_exhaustion=0.05`, {
      key: tenant.read,
    });
    expect(b.status).toBe(200);
    expect(b.body.recommendations.add_numbers).toEqual([
      { region: "US-CA", count: 1, area_codes: [...areaCodesFor("US-CA")] },
    ]);
    expect(b.body.sizing.for_exhaustion.target).toBe(0.05);
  });

  it.each([
    ["an unparseable from", "?from=yesterday"],
    ["from after to", "?from=2026-11-24T12:00:00Z&to=2026-11-24T11:00:00Z"],
    ["a window over 31 days", "?from=2026-09-01T00:00:00Z&to=2026-11-24T00:00:00Z"],
    ["a target out of range", "?target_exhaustion=2"],
    ["an unknown parameter", "?size=3"],
  ])("refuses %s with 400", async (_, query) => {
    const site = await createSite(env, tenant);
    const pool = (await createPool(env, tenant, site.id)).id;
    const res = await call(env, "GET", `/v1/pools/${pool}/report${query}`, { key: tenant.read });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });
});

/** Pool P: three Colorado numbers, but its visitors are in Texas; pool Q: Colorado visitors, no numbers. */
let setups = 0;
async function misplacedNumbers() {
  env.clock.set(at("15:00"));
  const exchange = 560 + setups++;
  const site = await createSite(env, tenant);
  const p = (await createPool(env, tenant, site.id, { name: "P" })).id;
  const q = (await createPool(env, tenant, site.id, { name: "Q", priority: -1 })).id;
  const ids = await addNumbers(env, tenant, p, [
    `+1303${exchange}0111`,
    `+1303${exchange}0112`,
    `+1303${exchange}0113`,
  ]);
  await session(site.id, p, "US-CO", at("10:00"));
  for (let i = 0; i < 19; i++) await session(site.id, p, "US-TX", at("10:00") + i * MIN);
  for (let i = 0; i < 10; i++) await session(site.id, q, "US-CO", at("11:00") + i * MIN);
  return { site, p, q, ids: [...ids].sort() as [string, string, string] };
}

describe("POST /v1/pools/{id}/optimize", () => {
  it("moves a free number to the pool whose visitors need it, never a leased one, and audits it", async () => {
    const { p, q, ids } = await misplacedNumbers();
    // The two numbers the optimizer would reach first hold live leases.
    await holdLive(ids[0], at("15:20"));
    await holdLive(ids[1], at("15:20"));

    const dry = await call(env, "POST", `/v1/pools/${p}/optimize`, {
      key: tenant.admin,
      body: { dry_run: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toEqual([
      {
        action: "move",
        number: ids[2],
        e164: "+13035600113",
        from_pool: p,
        to_pool: q,
        reason: "local numbers for US-CO visitors",
        status: "planned",
      },
    ]);
    expect((await numberRow(ids[2]))!.pool_id).toBe(p);

    const applied = await call(env, "POST", `/v1/pools/${p}/optimize`, {
      key: tenant.admin,
      body: { dry_run: false },
    });
    expect(applied.body.changes.map((c: { status: string }) => c.status)).toEqual(["applied"]);
    expect((await numberRow(ids[0]))!.pool_id).toBe(p);
    expect((await numberRow(ids[1]))!.pool_id).toBe(p);
    expect((await numberRow(ids[2]))!.pool_id).toBe(q);

    const audit = await call(env, "GET", `/v1/pools/${q}/audit`, { key: tenant.read });
    expect(audit.body.data).toEqual([
      {
        id: expect.stringMatching(/^aud_/),
        number: ids[2],
        action: "move",
        from_pool: p,
        to_pool: q,
        reason: "local numbers for US-CO visitors",
        key: expect.stringMatching(/^key_/),
        at: "2026-11-24T15:00:00.000Z",
      },
    ]);
  });

  it("proposes no move at all when every spare number is leased", async () => {
    const { p, ids } = await misplacedNumbers();
    for (const id of ids) await holdLive(id, at("15:20"));
    const res = await call(env, "POST", `/v1/pools/${p}/optimize`, {
      key: tenant.admin,
      body: { dry_run: false },
    });
    expect(res.body.changes).toEqual([]);
    for (const id of ids) expect((await numberRow(id))!.pool_id).toBe(p);
  });

  it("refuses in the database a planned change whose number got leased since the plan", async () => {
    const { p, q, ids } = await misplacedNumbers();
    await holdLive(ids[2], at("15:05"));
    const [result] = await applyChanges(
      env.services.writer,
      tenant.account,
      "key_test",
      [
        {
          action: "move",
          number: ids[2],
          e164: null,
          from_pool: p,
          to_pool: q,
          reason: "test",
          status: "planned",
        },
      ],
      14,
      at("15:00"),
    );
    expect(result!.status).toBe("skipped_leased");
    expect((await numberRow(ids[2]))!.pool_id).toBe(p);
    expect(await sql("SELECT id FROM pool_audit WHERE number_id = ?", [ids[2]])).toEqual([]);
  });

  it("quarantines a number with suspicious calls; assignment skips it until the cooling period ends", async () => {
    env.clock.set(at("15:00"));
    const site = await createSite(env, tenant, { quarantine_days: 7 });
    const pool = (await createPool(env, tenant, site.id)).id;
    const [bad, good] = await addNumbers(env, tenant, pool, ["+13035550121", "+13035550122"]);
    // Three of six calls are a few seconds long and match no session: score 0.5, quarantine.
    for (let i = 0; i < 6; i++) {
      await sql(
        `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
          status, started_at, answered_at, duration_s, updated_at)
         VALUES (?, ?, ?, 'twilio', ?, ?, '+13035550121', 'inbound', 'completed', ?, ?, ?, ?)`,
        [
          newId("call"),
          tenant.account,
          bad!,
          `CA${bad}${i}`,
          `+1512555${String(1000 + i)}`,
          at("09:00") + i * MIN,
          at("09:00") + i * MIN,
          i < 3 ? 3 : 120,
          at("09:00"),
        ],
      );
    }
    const res = await call(env, "POST", `/v1/pools/${pool}/optimize`, {
      key: tenant.admin,
      body: { dry_run: false },
    });
    expect(res.body.changes).toEqual([
      expect.objectContaining({ action: "quarantine", number: bad, status: "applied" }),
    ]);
    expect(await numberRow(bad!)).toEqual({
      pool_id: pool,
      status: "quarantined",
      quarantined_until: at("15:00") + 7 * DAY,
    });

    for (let i = 0; i < 3; i++) {
      const v = await visit(env, site);
      expect(v.body.swaps[0]?.number).not.toBe("+13035550121");
    }
    expect(good).toBeDefined();

    env.clock.set(at("15:00") + 7 * DAY);
    const audit = await call(env, "GET", `/v1/pools/${pool}/audit`, { key: tenant.read });
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(["quarantine"]);
    await call(env, "GET", `/v1/pools/${pool}/report`, { key: tenant.read });
    expect((await numberRow(bad!))!.status).toBe("active");
    const after = await call(env, "GET", `/v1/pools/${pool}/audit`, { key: tenant.read });
    expect(after.body.data.map((e: { action: string }) => e.action)).toEqual([
      "reactivate",
      "quarantine",
    ]);
  });

  it.each([
    ["no body fields", {}],
    ["a string dry_run", { dry_run: "yes" }],
    ["an unknown field", { dry_run: true, force: true }],
  ])("refuses %s with 400", async (_, body) => {
    const site = await createSite(env, tenant);
    const pool = (await createPool(env, tenant, site.id)).id;
    const res = await call(env, "POST", `/v1/pools/${pool}/optimize`, { key: tenant.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });
});

const ownedPool = async (env: TestEnv, owner: Tenant) =>
  (await createPool(env, owner, (await createSite(env, owner)).id)).id;

describeSecurity("GET /v1/pools/{id}/report", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => ({
    method: "GET",
    path: `/v1/pools/${await ownedPool(env, owner)}/report`,
  }),
});

describeSecurity("POST /v1/pools/{id}/optimize", () => env, {
  scope: "admin",
  owned: true,
  setup: async (env, owner) => ({
    method: "POST",
    path: `/v1/pools/${await ownedPool(env, owner)}/optimize`,
    body: { dry_run: false },
  }),
});

describeSecurity("GET /v1/pools/{id}/audit", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => ({
    method: "GET",
    path: `/v1/pools/${await ownedPool(env, owner)}/audit`,
  }),
});
