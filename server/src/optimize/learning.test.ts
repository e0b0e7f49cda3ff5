import { type InStatement, newId } from "@ringtrail/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";
import { addNumbers, createPool, createSite, IP, visit } from "../testing/fixtures";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const HOUR = 3_600_000;
const LOCAL = "+14155550131";
const TOLL_FREE = "+18885550131";

/**
 * A day of Californian direct visitors: 300 leases of the toll-free number with 90 calls,
 * 300 of the local one with 3, each call 10 minutes after the visitor's last activity.
 */
function history(site: string, pool: string, ids: Record<string, string>, start: number) {
  const stmts: InStatement[] = [];
  for (const [number, calls] of [
    [TOLL_FREE, 90],
    [LOCAL, 3],
  ] as const) {
    for (let i = 0; i < 300; i++) {
      const at = start + i * 60_000;
      const ses = newId("ses");
      stmts.push(
        {
          sql: `INSERT INTO sessions (id, account_id, site_id, pool_id, started_at, last_seen_at, channel,
            landing_url, landing_path, device, region, country)
            VALUES (?, ?, ?, ?, ?, ?, 'direct', 'https://example.com/', '/', 'desktop', 'US-CA', 'US')`,
          args: [ses, tenant.account, site, pool, at, at],
        },
        {
          sql: `INSERT INTO leases (id, account_id, session_id, number_id, target, kind, assigned_at, last_seen_at, until)
            VALUES (?, ?, ?, ?, '+18005550100', 'exclusive', ?, ?, ?)`,
          args: [newId("lse"), tenant.account, ses, ids[number]!, at, at, at + 1800_000],
        },
      );
      if (i >= calls) continue;
      const callId = newId("call");
      stmts.push(
        {
          sql: `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
            status, started_at, answered_at, duration_s, updated_at)
            VALUES (?, ?, ?, 'twilio', ?, '+12135550199', ?, 'inbound', 'completed', ?, ?, 90, ?)`,
          args: [
            callId,
            tenant.account,
            ids[number]!,
            callId,
            number,
            at + 600_000,
            at + 600_000,
            at,
          ],
        },
        {
          sql: `INSERT INTO call_matches (call_id, session_id, phase, probability, weight, levels, contributions)
            VALUES (?, ?, 'end', 0.95, 8, NULL, '[]')`,
          args: [callId, ses],
        },
      );
    }
  }
  return env.database.client.batch(stmts, "write");
}

describe("learning in assignment", () => {
  it("prefers the characteristic the evidence favours, learns the hold, and obeys exploration 0", async () => {
    const now = env.clock.now();
    const site = await createSite(env, tenant, {
      exploration: 0.2,
      hold_min_s: 300,
      hold_max_s: 3600,
    });
    const pool = (await createPool(env, tenant, site.id)).id;
    const [local, tollFree] = await addNumbers(env, tenant, pool, [LOCAL, TOLL_FREE]);
    await history(site.id, pool, { [LOCAL]: local!, [TOLL_FREE]: tollFree! }, now - 24 * HOUR);
    const config = (await env.services.sites.bySiteId(site.id))!;
    const evidence = await env.services.evidence.refresh(config);
    expect(evidence.holdS).toBe(600);

    const shown = async (visits: number) => {
      const numbers: string[] = [];
      for (let i = 0; i < visits; i++) {
        env.clock.advance(2 * HOUR);
        const v = await visit(env, site, { ip: IP.CA });
        expect(v.body.hold_s).toBe(600);
        numbers.push(v.body.swaps[0].number);
      }
      return numbers;
    };
    // The foundation's rule puts the Californian local number first; the evidence says the
    // toll-free one gets 30× the calls. Exploration (20%, half of it on the local number)
    // leaves ~90% toll-free; 28 of 40 is over four standard deviations below that.
    const learned = await shown(40);
    expect(learned.filter((n) => n === TOLL_FREE).length).toBeGreaterThanOrEqual(28);

    const off = await call(env, "PATCH", `/v1/sites/${site.id}`, {
      key: tenant.admin,
      body: { exploration: 0 },
    });
    expect(off.status).toBe(200);
    expect(new Set(await shown(10))).toEqual(new Set([LOCAL]));
  });

  it("counts visits that find the pool exhausted and reports them", async () => {
    const site = await createSite(env, tenant);
    const pool = (await createPool(env, tenant, site.id)).id;
    await addNumbers(env, tenant, pool, ["+14155550141"]);
    const from = new Date(env.clock.now() - HOUR).toISOString();
    await visit(env, site, { ip: IP.CA });
    const shared = await visit(env, site, { ip: IP.NY });
    expect(shared.body.swaps[0].number).toBe("+14155550141");
    env.clock.advance(1000);
    const report = await call(env, "GET", `/v1/pools/${pool}/report?from=${from}`, {
      key: tenant.read,
    });
    expect(report.body.exhaustion.visits_shared).toBe(1);
    expect(report.body.exhaustion.visits_fallback).toBe(0);
  });
});
