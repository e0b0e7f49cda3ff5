import { DEFAULT_MATCH_PARAMS } from "@ringtrail/core/match";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beat, callId, pageView, ring, trackedTenant } from "../../attribution/test-fixtures";
import { call, createTestEnv, type TestEnv } from "../../testing/app";
import { BROWSER_UA, IP } from "../../testing/fixtures";
import { describeSecurity } from "../../testing/security";
import type { Explanation } from "./schemas";

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
});
afterAll(() => env.close());

/** A call on a number two sessions held: returns its id and the sessions, local first. */
async function sharedCall() {
  const t = await trackedTenant(env);
  const far = await pageView(env, t, { ip: IP.CA, ua: BROWSER_UA });
  env.clock.advance(3 * 3_600_000);
  const local = await pageView(env, t, { ip: IP.NY });
  env.clock.advance(60_000);
  await beat(env, local.session, local.number);
  const id = await callId(env, await ring(env, t, local.number));
  return { t, id, local, far };
}

describe("GET /v1/calls/{id}/explain", () => {
  it("shows every candidate's feature levels, contributions summing to its weight, and the params", async () => {
    const { t, id, local, far } = await sharedCall();
    const res = await call(env, "GET", `/v1/calls/${id}/explain`, { key: t.read });
    expect(res.status).toBe(200);
    const body = res.body as Explanation;
    expect(body).toMatchObject({
      call: id,
      phase: "start",
      none: expect.any(Number),
      params: {
        source: "default",
        calls_used: 0,
        estimated_at: null,
        current: true,
        none: DEFAULT_MATCH_PARAMS.none,
      },
    });
    expect(body.params.features.delay).toEqual(DEFAULT_MATCH_PARAMS.features.delay);
    expect(body.candidates.map((c) => c.session)).toEqual([local.session, far.session]);
    // The local session beat at the call; the far one was last seen 3 h 1 min before it.
    expect(body.candidates.map((c) => c.delay_s)).toEqual([0, 3 * 3600 + 60]);
    for (const c of body.candidates) {
      expect(c.kind).toBe("session");
      expect(c.contributions.map((x) => x.feature)).toEqual([
        "delay",
        "live",
        "tel_click",
        "geo",
        "device",
        "history",
      ]);
      const total = c.contributions.reduce((a, x) => a + x.weight, 0);
      expect(total).toBeCloseTo(c.weight, 9);
    }
    const level = (i: number, f: string) =>
      body.candidates[i]!.contributions.find((x) => x.feature === f)!.level;
    expect([level(0, "live"), level(0, "tel_click"), level(0, "geo")]).toEqual([
      "live",
      "lt_2m",
      "same_region",
    ]);
    expect([level(1, "live"), level(1, "delay"), level(1, "geo")]).toEqual([
      "expired",
      "lt_6h",
      "other_region",
    ]);
    const total = body.candidates.reduce((a, c) => a + c.probability, body.none!);
    expect(total).toBeCloseTo(1, 12);
  });

  it("answers another tenant's call with 404, like an unknown id", async () => {
    const { id } = await sharedCall();
    const stranger = await trackedTenant(env);
    for (const path of [`/v1/calls/${id}/explain`, `/v1/calls/${id}`]) {
      const res = await call(env, "GET", path, { key: stranger.admin });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const unknown = await call(env, "GET", "/v1/calls/call_0000000000000000/explain", {
      key: stranger.admin,
    });
    expect(unknown.status).toBe(404);
  });
});

describeSecurity("GET /v1/calls/{id}/explain", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, owner) => {
    const { id } = await sharedCall();
    await env.database.client.execute({
      sql: "UPDATE calls SET account_id = ? WHERE id = ?",
      args: [owner.account, id],
    });
    return { method: "GET", path: `/v1/calls/${id}/explain` };
  },
});
