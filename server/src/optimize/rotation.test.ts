import { newId } from "@ringtrail/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createTestEnv, type Tenant, type TestEnv } from "../testing/app";
import { addNumbers, createPool, createSite } from "../testing/fixtures";
import { rotateBurntNumbers } from "./rotation";

const MIN = 60_000;
const DAY = 86_400_000;

let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const sql = async (q: string, args: (string | number | null)[] = []) =>
  (await env.database.client.execute({ sql: q, args })).rows;

/** Six calls, three of them a few seconds long with no session: a robocalled number. */
async function robocalls(numberId: string, e164: string, start: number) {
  for (let i = 0; i < 6; i++) {
    await sql(
      `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
        status, started_at, answered_at, duration_s, updated_at)
       VALUES (?, ?, ?, 'twilio', ?, ?, ?, 'inbound', 'completed', ?, ?, ?, ?)`,
      [
        newId("call"),
        tenant.account,
        numberId,
        `CA${numberId}${i}`,
        `+1512555${String(1000 + i)}`,
        e164,
        start + i * MIN,
        start + i * MIN,
        i < 3 ? 3 : 120,
        start,
      ],
    );
  }
}

describe("automatic rotation of burnt numbers", () => {
  it("quarantines a robocalled number, waits for a leased one, and leaves clean ones", async () => {
    const now = env.clock.now();
    const site = await createSite(env, tenant, { quarantine_days: 7 });
    const pool = (await createPool(env, tenant, site.id)).id;
    const numbers = ["+13035550131", "+13035550132", "+13035550133"];
    const [burnt, leased, clean] = (await addNumbers(env, tenant, pool, numbers)) as [
      string,
      string,
      string,
    ];
    await robocalls(burnt, numbers[0]!, now - DAY);
    await robocalls(leased, numbers[1]!, now - DAY);
    await sql("UPDATE numbers SET leased_until = ? WHERE id = ?", [now + 10 * MIN, leased]);

    const applied = await rotateBurntNumbers(env.services, now);
    expect(applied.map((c) => [c.action, c.number])).toEqual([["quarantine", burnt]]);
    const status = async (id: string) =>
      (await sql("SELECT status, quarantined_until FROM numbers WHERE id = ?", [id]))[0];
    expect(await status(burnt)).toEqual({
      status: "quarantined",
      quarantined_until: now + 7 * DAY,
    });
    expect((await status(leased))?.status).toBe("active");
    expect((await status(clean))?.status).toBe("active");
    expect(
      await sql("SELECT number_id, action, key_id FROM pool_audit WHERE number_id IN (?, ?, ?)", [
        burnt,
        leased,
        clean,
      ]),
    ).toEqual([{ number_id: burnt, action: "quarantine", key_id: null }]);

    // Once the lease is over, the next round takes the other one out too.
    const later = now + 20 * MIN;
    const next = await rotateBurntNumbers(env.services, later);
    expect(next.map((c) => c.number)).toEqual([leased]);
  });
});
