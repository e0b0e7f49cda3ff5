import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createTestEnv, type TestEnv } from "../testing/app";
import { addNumbers, createPool, createSite } from "../testing/fixtures";
import { endDueQuarantines } from "./quarantine";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const HOUR = 3_600_000;

async function quarantined(until: number | null, numbers: string[]) {
  const tenant = await createTenant(env);
  const site = await createSite(env, tenant);
  const pool = await createPool(env, tenant, site.id);
  const ids = await addNumbers(env, tenant, pool.id, numbers);
  for (const id of ids) {
    await env.database.client.execute({
      sql: "UPDATE numbers SET status = 'quarantined', quarantined_until = ? WHERE id = ?",
      args: [until, id],
    });
  }
  return { tenant, pool: pool.id, ids };
}

async function statuses(ids: readonly string[]) {
  const { rows } = await env.database.client.execute({
    sql: `SELECT status FROM numbers WHERE id IN (${ids.map(() => "?").join(", ")}) ORDER BY id`,
    args: [...ids],
  });
  return rows.map((r) => r.status);
}

describe("the quarantine clock", () => {
  it("returns every account's cooled numbers, audits each, and leaves the rest", async () => {
    const now = env.clock.now();
    const cooled = await quarantined(now - HOUR, ["+14155550101", "+14155550102"]);
    const cooling = await quarantined(now + HOUR, ["+13125550103"]);
    const manual = await quarantined(null, ["+13125550104"]);

    expect(await endDueQuarantines(env.services.writer, now)).toEqual([cooled.pool]);
    expect(await statuses(cooled.ids)).toEqual(["active", "active"]);
    expect(await statuses(cooling.ids)).toEqual(["quarantined"]);
    // Quarantined by hand, with no end: only a person returns it.
    expect(await statuses(manual.ids)).toEqual(["quarantined"]);
    const { rows } = await env.database.client.execute({
      sql: "SELECT account_id, number_id, action FROM pool_audit ORDER BY number_id",
    });
    expect(rows.map((r) => [r.account_id, r.number_id, r.action])).toEqual(
      cooled.ids.map((id) => [cooled.tenant.account, id, "reactivate"]),
    );

    // Nothing more is due until the next number cools.
    expect(await endDueQuarantines(env.services.writer, now)).toEqual([]);
    expect(await endDueQuarantines(env.services.writer, now + 2 * HOUR)).toEqual([cooling.pool]);
  });
});
