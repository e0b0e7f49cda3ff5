import { DEFAULT_RATE_PARAMS } from "@ringtrail/core/match";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  beat,
  callId,
  hangUp,
  NY_CALLER,
  pageView,
  ring,
  type TrackedTenant,
  trackedTenant,
} from "../../attribution/test-fixtures";
import { createJobWorker } from "../../jobs/index";
import { call, createTestEnv, type TestEnv } from "../../testing/app";
import { IP } from "../../testing/fixtures";
import { describeSecurity } from "../../testing/security";
import type { CallBody } from "../calls/schemas";
import { parseCsv } from "../numbers/csv";
import type { Report } from "./schemas";

const MINUTE = 60_000;

let env: TestEnv;
let t: TrackedTenant;
/** P(attributed) of the paid call; the other call has no candidate. */
let paid: number;
let from: string;
let to: string;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
  t = await trackedTenant(env, { size: 2 });
  from = new Date(env.clock.now()).toISOString();
  const v = await pageView(env, t, {
    ip: IP.NY,
    url: "https://example.com/pricing?utm_source=google&utm_medium=cpc&utm_campaign=Brand,%20%22Exact%22",
  });
  env.clock.advance(MINUTE);
  await beat(env, v.session, v.number);
  const sid = await ring(env, t, v.number);
  const other = t.numbers.find((n) => n !== v.number)!;
  await ring(env, t, other);
  const res = await call(env, "GET", `/v1/calls/${await callId(env, sid)}`, { key: t.read });
  paid = 1 - (res.body as CallBody).unattributed!;
  env.clock.advance(MINUTE);
  to = new Date(env.clock.now()).toISOString();
});
afterAll(() => env.close());

const report = (key: string, query: string, headers: Record<string, string> = {}) =>
  call(env, "GET", `/v1/attribution${query}`, { key, headers });

describe("GET /v1/attribution", () => {
  it("sums credit per group in JSON", async () => {
    const res = await report(t.read, `?from=${from}&to=${to}&model=last&group_by=channel`);
    expect(res.status).toBe(200);
    const body = res.body as Report;
    expect(body).toEqual({
      model: "last",
      group_by: "channel",
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      rows: [{ key: "paid_search", calls: expect.any(Number) }],
      unattributed: expect.any(Number),
      total_calls: 2,
    });
    expect(body.rows[0]!.calls).toBeCloseTo(paid, 12);
    expect(body.unattributed).toBeCloseTo(2 - paid, 12);
  });

  it("accepts every model and group", async () => {
    for (const model of ["first", "linear", "time_decay", "position", "markov", "shapley"]) {
      for (const group of ["source", "campaign", "landing_page"]) {
        const res = await report(t.read, `?from=${from}&to=${to}&model=${model}&group_by=${group}`);
        expect(res.status, `${model} ${group}`).toBe(200);
        expect(res.body.rows).toHaveLength(1);
        expect(res.body.rows[0].calls).toBeCloseTo(paid, 12);
      }
    }
    const pages = await report(t.read, `?from=${from}&to=${to}&group_by=landing_page`);
    expect(pages.body.rows[0].key).toBe("/pricing");
  });

  it("answers CSV with Accept: text/csv, quoting per RFC 4180", async () => {
    const res = await report(t.read, `?from=${from}&to=${to}&group_by=campaign`, {
      accept: "text/csv",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = String(res.body);
    expect(text).toContain('"Brand, ""Exact"""');
    const rows = parseCsv(text).map((r) => r.cells);
    expect(rows[0]).toEqual(["campaign", "calls"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('Brand, "Exact"');
    expect(Number(rows[1]![1])).toBeCloseTo(paid, 12);
  });

  it("counts nothing outside the range or of another tenant", async () => {
    const before = await report(t.read, `?from=2020-01-01T00:00:00Z&to=${from}`);
    expect(before.body).toMatchObject({ rows: [], unattributed: 0, total_calls: 0 });
    const other = await trackedTenant(env);
    const theirs = await report(other.read, `?from=${from}&to=${to}`);
    expect(theirs.body).toMatchObject({ rows: [], total_calls: 0 });
  });

  it("rejects an unknown model, group or time with 400", async () => {
    for (const q of [
      "?model=best",
      "?group_by=city",
      "?from=yesterday",
      `?from=${to}&to=${from}`,
    ]) {
      const res = await report(t.read, q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });
});

describe("test numbers", () => {
  it("label a test caller's calls and leave them out of reports and default listings", async () => {
    const tester = "+13125550188";
    const put = await call(env, "PUT", "/v1/test-numbers", {
      key: t.admin,
      body: { numbers: [tester] },
    });
    expect(put).toMatchObject({
      status: 200,
      body: { data: [{ number: tester, created_at: expect.any(String) }] },
    });
    const sid = await ring(env, t, t.numbers[0]!, { From: tester, Caller: tester });
    env.clock.advance(MINUTE);
    const end = new Date(env.clock.now()).toISOString();
    const id = await callId(env, sid);

    const listed = await call(env, "GET", "/v1/calls", { key: t.read });
    expect(listed.body.data.map((c: CallBody) => c.id)).not.toContain(id);
    const all = await call(env, "GET", "/v1/calls?include_test=1", { key: t.read });
    const test = all.body.data.find((c: CallBody) => c.id === id);
    expect(test).toMatchObject({ test: true, from: tester });
    expect(test.matches.length).toBeGreaterThan(0);
    const res = await report(t.read, `?from=${from}&to=${end}`);
    expect(res.body.total_calls).toBe(2);

    // Taking the number off the list relabels its calls.
    await call(env, "PUT", "/v1/test-numbers", { key: t.admin, body: { numbers: [] } });
    const after = await report(t.read, `?from=${from}&to=${end}`);
    expect(after.body.total_calls).toBe(3);
    expect((await call(env, "GET", "/v1/test-numbers", { key: t.read })).body).toEqual({
      data: [],
    });
  });

  it("rejects a number that is not E.164 with 400 and changes nothing", async () => {
    const res = await call(env, "PUT", "/v1/test-numbers", {
      key: t.admin,
      body: { numbers: ["+1312555018", "555-0188"] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect((await call(env, "GET", "/v1/test-numbers", { key: t.read })).body.data).toEqual([]);
  });
});

describe("re-estimation", () => {
  it("queues EM after 50 ended calls; the job stores the account's parameters", async () => {
    const em = await trackedTenant(env);
    const v = await pageView(env, em, { ip: IP.NY });
    for (let i = 0; i < 50; i++) {
      env.clock.advance(MINUTE);
      const sid = await ring(env, em, v.number);
      await hangUp(env, em, sid, v.number);
    }
    const queued = await env.database.client.execute({
      sql: "SELECT kind, key, status FROM jobs WHERE kind = 'estimate_match' AND payload LIKE ?",
      args: [`%${em.account}%`],
    });
    expect(queued.rows.map((r) => ({ ...r }))).toEqual([
      { kind: "estimate_match", key: `estimate_match:${em.account}:50`, status: "queued" },
    ]);
    const worker = createJobWorker(env.services);
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    const done = await env.database.client.execute({
      sql: "SELECT status, last_error FROM jobs WHERE key = ?",
      args: [`estimate_match:${em.account}:50`],
    });
    expect({ ...done.rows[0] }).toEqual({ status: "done", last_error: null });
    const row = await env.database.client.execute({
      sql: "SELECT params, calls_used, ended_calls FROM match_params WHERE account_id = ?",
      args: [em.account],
    });
    expect(row.rows[0]).toMatchObject({ calls_used: 50, ended_calls: 50 });
    const params = JSON.parse(String(row.rows[0]!.params));
    expect(Object.keys(params.features).sort()).toEqual(
      ["delay", "device", "geo", "history", "live", "tel_click"].sort(),
    );
    const explained = async () => {
      env.clock.advance(MINUTE);
      const sid = await ring(env, em, v.number);
      const id = await callId(env, sid);
      return (await call(env, "GET", `/v1/calls/${id}/explain`, { key: em.read })).body.params;
    };
    // `auto`: the rate model's estimate is in use from the next call; the FS estimate is not.
    const state = await call(env, "GET", "/v1/attribution/params", { key: em.read });
    expect(state.body).toEqual({
      use: "auto",
      in_use: "rates",
      estimate: {
        calls_used: 50,
        log_likelihood: expect.any(Number),
        estimated_at: expect.any(String),
      },
      rates: { calls_used: 50, estimated_at: expect.any(String), rates: expect.any(Object) },
    });
    // The job fitted the rate model too: every rate a finite, non-negative number.
    const rates = state.body.rates.rates as Record<string, number>;
    expect(Object.keys(rates).sort()).toEqual(Object.keys(DEFAULT_RATE_PARAMS).sort());
    for (const v of Object.values(rates)) expect(Number.isFinite(v) && v >= 0).toBe(true);
    expect(rates).not.toEqual(DEFAULT_RATE_PARAMS);
    expect(await explained()).toMatchObject({ source: "rates", calls_used: 50, rates });
    // Pinned to the FS defaults, an estimate changes nothing.
    await call(env, "PUT", "/v1/attribution/params", { key: em.admin, body: { use: "defaults" } });
    expect(await explained()).toMatchObject({ source: "default", calls_used: 0, rates: null });
    const put = await call(env, "PUT", "/v1/attribution/params", {
      key: em.admin,
      body: { use: "estimate" },
    });
    expect(put).toMatchObject({
      status: 200,
      body: { use: "estimate", in_use: "estimate", estimate: { calls_used: 50 } },
    });
    expect(await explained()).toMatchObject({ source: "estimated", calls_used: 50, current: true });
    // The rate model, with the rates the job stored.
    await call(env, "PUT", "/v1/attribution/params", { key: em.admin, body: { use: "rates" } });
    expect(await explained()).toMatchObject({
      source: "rates",
      calls_used: 50,
      rates,
      current: true,
    });
    // And back.
    await call(env, "PUT", "/v1/attribution/params", { key: em.admin, body: { use: "auto" } });
    expect(await explained()).toMatchObject({ source: "rates", calls_used: 50, rates });
  });

  it("matches with the FS defaults under auto until the rates are estimated", async () => {
    const fresh = await trackedTenant(env);
    const v = await pageView(env, fresh, { ip: IP.NY });
    env.clock.advance(MINUTE);
    const sid = await ring(env, fresh, v.number);
    const id = await callId(env, sid);
    const explain = await call(env, "GET", `/v1/calls/${id}/explain`, { key: fresh.read });
    expect(explain.body.params).toMatchObject({ source: "default", rates: null });
    const state = await call(env, "GET", "/v1/attribution/params", { key: fresh.read });
    expect(state.body).toEqual({ use: "auto", in_use: "defaults", estimate: null, rates: null });
  });

  it("keeps the FS defaults under auto when the rates were fitted to too few calls", async () => {
    const few = await trackedTenant(env);
    const v = await pageView(env, few, { ip: IP.NY });
    env.clock.advance(MINUTE);
    await hangUp(env, few, await ring(env, few, v.number), v.number);
    const res = await call(env, "POST", "/v1/attribution/reestimate", { key: few.admin });
    expect(res.status).toBe(200);
    const state = await call(env, "GET", "/v1/attribution/params", { key: few.read });
    expect(state.body).toMatchObject({ use: "auto", in_use: "defaults", rates: { calls_used: 1 } });
  });

  it("matches with the rate model's defaults before its first estimate", async () => {
    const fresh = await trackedTenant(env);
    const put = await call(env, "PUT", "/v1/attribution/params", {
      key: fresh.admin,
      body: { use: "rates" },
    });
    expect(put).toMatchObject({
      status: 200,
      body: { use: "rates", in_use: "rates", estimate: null, rates: null },
    });
    const v = await pageView(env, fresh, { ip: IP.NY });
    env.clock.advance(MINUTE);
    const sid = await ring(env, fresh, v.number);
    const id = await callId(env, sid);
    const explain = await call(env, "GET", `/v1/calls/${id}/explain`, { key: fresh.read });
    expect(explain.body.params).toMatchObject({ source: "rates", rates: DEFAULT_RATE_PARAMS });
    const [top] = explain.body.candidates;
    // The page is on screen when the phone rings; weights are bits against "no session".
    expect(top.contributions.find((c: { feature: string }) => c.feature === "delay").level).toBe(
      "lt_2m",
    );
    const sum = top.contributions.reduce((a: number, c: { weight: number }) => a + c.weight, 0);
    expect(sum).toBeCloseTo(top.weight, 9);
    expect(top.probability / explain.body.none).toBeCloseTo(2 ** top.weight, 6);
  });

  it("reaches back 7 days for the rate model and 72 h for FS; further, to an idle number's last holder", async () => {
    const late = await trackedTenant(env);
    const v = await pageView(env, late, { ip: IP.NY });
    env.clock.advance(4 * 24 * 60 * MINUTE);
    let caller = 0;
    const candidatesOf = async (): Promise<[string, number][]> => {
      env.clock.advance(MINUTE);
      // A new caller each time, so that no earlier answer links a visitor to them.
      const from = `+1212555${String(1000 + caller++)}`;
      const sid = await ring(env, late, v.number, { ...NY_CALLER, From: from, Caller: from });
      const id = await callId(env, sid);
      const explain = await call(env, "GET", `/v1/calls/${id}/explain`, { key: late.read });
      return explain.body.candidates.map((c: { session: string; delay_s: number }) => [
        c.session,
        c.delay_s,
      ]);
    };
    expect(await candidatesOf()).toEqual([]);
    await call(env, "PUT", "/v1/attribution/params", { key: late.admin, body: { use: "rates" } });
    // Explain shows the delay the rate model weighed: 4 days and the two calls' minutes.
    expect(await candidatesOf()).toEqual([[v.session, 4 * 86_400 + 120]]);
    // Past 7 days from the lease's end (its last beat plus the 30-minute hold): nobody has held
    // the number since, so its last holder is still offered.
    env.clock.advance(3 * 24 * 60 * MINUTE + 60 * MINUTE);
    expect((await candidatesOf()).map(([session]) => session)).toEqual([v.session]);
    // Once another session holds it, the old holder is not offered.
    const w = await pageView(env, late, { ip: IP.NY });
    expect(w.number).toBe(v.number);
    expect((await candidatesOf()).map(([session]) => session)).toEqual([w.session]);
    // Past 30 days, no one.
    env.clock.advance(31 * 24 * 60 * MINUTE);
    expect(await candidatesOf()).toEqual([]);
  });

  it("keeps the defaults for an account that applies an estimate it does not have yet", async () => {
    const fresh = await trackedTenant(env);
    const put = await call(env, "PUT", "/v1/attribution/params", {
      key: fresh.admin,
      body: { use: "estimate" },
    });
    expect(put).toMatchObject({
      status: 200,
      body: { use: "estimate", in_use: "defaults", estimate: null },
    });
    const v = await pageView(env, fresh, { ip: IP.NY });
    env.clock.advance(MINUTE);
    const sid = await ring(env, fresh, v.number);
    const id = await callId(env, sid);
    const explain = await call(env, "GET", `/v1/calls/${id}/explain`, { key: fresh.read });
    expect(explain.body.params).toMatchObject({ source: "default" });
  });

  it("rejects a bad choice with 400 and changes nothing", async () => {
    const fresh = await trackedTenant(env);
    for (const body of [{ use: "em" }, { use: "estimate", extra: 1 }, {}, { use: 1 }]) {
      const res = await call(env, "PUT", "/v1/attribution/params", { key: fresh.admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const state = await call(env, "GET", "/v1/attribution/params", { key: fresh.read });
    expect(state.body).toEqual({ use: "auto", in_use: "defaults", estimate: null, rates: null });
  });

  it("runs on demand for an admin key", async () => {
    const res = await call(env, "POST", "/v1/attribution/reestimate", { key: t.admin });
    expect(res).toMatchObject({
      status: 200,
      body: { calls_used: 2, converged: expect.any(Boolean), iterations: expect.any(Number) },
    });
  });
});

describeSecurity("GET /v1/attribution", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/attribution" }),
});

describeSecurity("POST /v1/attribution/reestimate", () => env, {
  scope: "admin",
  setup: async () => ({ method: "POST", path: "/v1/attribution/reestimate" }),
});

describeSecurity("GET /v1/attribution/params", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/attribution/params" }),
});

describeSecurity("PUT /v1/attribution/params", () => env, {
  scope: "admin",
  setup: async () => ({
    method: "PUT",
    path: "/v1/attribution/params",
    body: { use: "estimate" },
  }),
});

describeSecurity("GET /v1/test-numbers", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/test-numbers" }),
});

describeSecurity("PUT /v1/test-numbers", () => env, {
  scope: "admin",
  setup: async () => ({
    method: "PUT",
    path: "/v1/test-numbers",
    body: { numbers: ["+13125550199"] },
  }),
});
