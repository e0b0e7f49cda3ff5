import { MODEL_NAMES } from "@ringtrail/core/models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import {
  CALLER,
  type CarrierTenant,
  freshCallSid,
  postTwilio,
  twilioTenant,
  voiceForm,
} from "../carriers/webhook-fixtures";
import type { CallBody, CallList } from "./schemas";

let env: TestEnv;
let owner: CarrierTenant;
let other: CarrierTenant;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await twilioTenant(env);
  other = await twilioTenant(env);
});
afterAll(() => env.close());

/** A call to the tenant's number, a minute after the previous one. */
async function ring(tenant: CarrierTenant): Promise<string> {
  env.clock.advance(60_000);
  const sid = freshCallSid();
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/voice",
    voiceForm(tenant.number, sid),
    tenant.authToken,
  );
  expect(res.status).toBe(200);
  return sid;
}

const list = async (key: string, query = "") => {
  const res = await call(env, "GET", `/v1/calls${query}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CallList;
};

describe("GET /v1/calls", () => {
  it("lists the account's calls newest first in the contract's shape", async () => {
    const first = await ring(owner);
    const second = await ring(owner);
    const { data, next_cursor } = await list(owner.read);
    expect(data.map((c) => c.carrier_call_id)).toEqual([second, first]);
    expect(next_cursor).toBeNull();
    const expected: CallBody = {
      id: expect.stringMatching(/^call_[0-9a-z]+$/),
      carrier: "twilio",
      carrier_call_id: second,
      number: owner.numberId,
      from: CALLER,
      to: owner.number,
      direction: "inbound",
      status: "ringing",
      started_at: new Date(env.clock.now()).toISOString(),
      answered_at: null,
      ended_at: null,
      duration_s: null,
      talk_s: null,
      caller: {
        city: "CHICAGO",
        state: "IL",
        zip: "60601",
        country: "US",
        region: "US-IL",
        line_type: null,
        name: null,
      },
      recording: null,
      transcript: null,
      // No session ever held the number: nothing to credit, under any model.
      matches: [],
      unattributed: 1,
      credit: Object.fromEntries(MODEL_NAMES.map((m) => [m, []])),
      test: false,
    };
    expect(data[0]).toEqual(expected);
    const one = await call(env, "GET", `/v1/calls/${data[0]!.id}`, { key: owner.read });
    expect(one).toMatchObject({ status: 200, body: expected });
  });

  it("pages with a cursor and filters by start time", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push(await ring(other));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: CallList = await list(other.read, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((c) => c.carrier_call_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...sids].reverse());

    const all = (await list(other.read)).data;
    const from = all[3]!.started_at;
    const to = all[0]!.started_at;
    const window = await list(other.read, `?from=${from}&to=${to}`);
    expect(window.data.map((c) => c.carrier_call_id)).toEqual([sids[3], sids[2], sids[1]]);
  });

  it("rejects a bad cursor, a bad time and an out-of-range limit with 400", async () => {
    for (const q of ["?cursor=nope", "?from=yesterday", "?limit=0", "?limit=1000"]) {
      const res = await call(env, "GET", `/v1/calls${q}`, { key: owner.read });
      expect(res.status, q).toBe(400);
    }
  });

  it("never shows one tenant another tenant's calls", async () => {
    const mine = (await list(owner.read)).data.map((c) => c.id);
    const theirs = (await list(other.read)).data.map((c) => c.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    const peek = await call(env, "GET", `/v1/calls/${theirs[0]}`, { key: owner.admin });
    expect(peek.status).toBe(404);
    expect(peek.body.error.code).toBe("not_found");
  });
});

describeSecurity("GET /v1/calls", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/calls" }),
});

describeSecurity("GET /v1/calls/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (env, tenant) => {
    const withNumber = await twilioTenant(env);
    // Move the number's calls under the security helper's tenant by storing one for it.
    const sid = freshCallSid();
    await postTwilio(
      env,
      "/v1/carriers/twilio/voice",
      voiceForm(withNumber.number, sid),
      withNumber.authToken,
    );
    await env.database.client.execute({
      sql: "UPDATE calls SET account_id = ? WHERE carrier_call_id = ?",
      args: [tenant.account, sid],
    });
    const row = await env.database.client.execute({
      sql: "SELECT id FROM calls WHERE carrier_call_id = ?",
      args: [sid],
    });
    return { method: "GET", path: `/v1/calls/${String(row.rows[0]!.id)}` };
  },
});
