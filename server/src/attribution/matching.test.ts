import { MODEL_NAMES } from "@ringtrail/core/models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallBody } from "../routes/calls/schemas";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { BROWSER_UA, IP } from "../testing/fixtures";
import { beat, callId, hangUp, NY_CALLER, pageView, ring, trackedTenant } from "./test-fixtures";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
});
afterAll(() => env.close());

async function getCall(key: string, sid: string): Promise<CallBody> {
  const res = await call(env, "GET", `/v1/calls/${await callId(env, sid)}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CallBody;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every model's credit sums to the probability that the call is attributed. */
function expectCreditSums(body: CallBody) {
  expect(Object.keys(body.credit).sort()).toEqual([...MODEL_NAMES].sort());
  for (const model of MODEL_NAMES) {
    expect(sum(body.credit[model]!.map((c) => c.weight)), model).toBeCloseTo(
      1 - body.unattributed!,
      9,
    );
  }
}

describe("matching at call start", () => {
  it("gives the one live session that clicked the number, in the caller's region, >= 0.9", async () => {
    const t = await trackedTenant(env);
    const v = await pageView(env, t, { ip: IP.NY, url: "https://example.com/?gclid=g1" });
    env.clock.advance(MINUTE);
    await beat(env, v.session, v.number);
    env.clock.advance(30_000);
    const sid = await ring(env, t, v.number);
    const body = await getCall(t.read, sid);
    expect(body.matches).toEqual([
      {
        session: v.session,
        probability: expect.any(Number),
        visitor: v.visitor,
        channel: "paid_search",
        source: "google",
        campaign: null,
        landing_page: "/",
      },
    ]);
    expect(body.matches[0]!.probability).toBeGreaterThanOrEqual(0.9);
    expect(body.matches[0]!.probability + body.unattributed!).toBeCloseTo(1, 12);
    expect(body.credit.last).toEqual([
      {
        channel: "paid_search",
        source: "google",
        campaign: null,
        landing_page: "/",
        session: v.session,
        weight: body.matches[0]!.probability,
      },
    ]);
    expectCreditSums(body);
    const stored = await env.database.client.execute({
      sql: "SELECT phase, session_id FROM call_matches WHERE call_id = ?",
      args: [await callId(env, sid)],
    });
    expect(stored.rows.map((r) => [r.phase, r.session_id])).toEqual([["start", v.session]]);
  });

  it("prefers the local session with a recent beat over a far, stale one on a shared number", async () => {
    const t = await trackedTenant(env);
    const far = await pageView(env, t, { ip: IP.CA, ua: BROWSER_UA });
    env.clock.advance(10 * 60 * MINUTE);
    const local = await pageView(env, t, { ip: IP.NY });
    expect(local.number).toBe(far.number);
    env.clock.advance(MINUTE);
    await beat(env, local.session);
    const sid = await ring(env, t, local.number);
    const body = await getCall(t.read, sid);
    expect(body.matches.map((m) => m.session)).toEqual([local.session, far.session]);
    expect(body.matches[0]!.probability).toBeGreaterThan(0.9);
    expect(sum(body.matches.map((m) => m.probability)) + body.unattributed!).toBeCloseTo(1, 12);
    expectCreditSums(body);
  });

  it("leaves a call with no candidate unattributed, with no credit", async () => {
    const t = await trackedTenant(env);
    const sid = await ring(env, t, t.numbers[0]!);
    const body = await getCall(t.read, sid);
    expect(body).toMatchObject({
      matches: [],
      unattributed: 1,
      credit: Object.fromEntries(MODEL_NAMES.map((m) => [m, []])),
      test: false,
    });
  });
});

describe("credit over a visitor's journey", () => {
  it("credits paid_search, email and direct sessions by first, last, linear and position", async () => {
    const t = await trackedTenant(env);
    const s1 = await pageView(env, t, { ip: IP.NY, url: "https://example.com/?gclid=abc" });
    env.clock.advance(5 * DAY);
    const s2 = await pageView(env, t, {
      ip: IP.NY,
      visitor: s1.visitor,
      url: "https://example.com/offer?utm_source=newsletter&utm_medium=email&utm_campaign=nov",
    });
    env.clock.advance(5 * DAY);
    const s3 = await pageView(env, t, { ip: IP.NY, visitor: s1.visitor });
    expect(new Set([s1.visitor, s2.visitor, s3.visitor]).size).toBe(1);
    env.clock.advance(MINUTE);
    const sid = await ring(env, t, s3.number);
    const body = await getCall(t.read, sid);
    expect(body.matches.map((m) => m.session)).toEqual([s3.session]);
    const p = body.matches[0]!.probability;
    expect(p).toBeGreaterThan(0.5);
    const weights = (model: string) =>
      Object.fromEntries(body.credit[model]!.map((c) => [c.channel, c.weight]));
    const close = (w: Record<string, number>, expected: Record<string, number>) => {
      expect(Object.keys(w).sort()).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) expect(w[k], k).toBeCloseTo(v, 12);
    };
    close(weights("first"), { paid_search: p });
    close(weights("last"), { direct: p });
    close(weights("linear"), { paid_search: p / 3, email: p / 3, direct: p / 3 });
    close(weights("position"), { paid_search: 0.4 * p, email: 0.2 * p, direct: 0.4 * p });
    expect(body.credit.linear!.map((c) => c.session)).toEqual([s1.session, s2.session, s3.session]);
    expect(body.credit.linear![1]).toMatchObject({
      channel: "email",
      source: "newsletter",
      campaign: "nov",
      landing_page: "/offer",
    });
    expectCreditSums(body);
  });
});

describe("matching at call end and caller history", () => {
  it("matches again when the call ends and links the caller's visitor on the next call", async () => {
    const t = await trackedTenant(env);
    const v = await pageView(env, t, { ip: IP.NY });
    env.clock.advance(MINUTE);
    await beat(env, v.session, v.number);
    const sid = await ring(env, t, v.number);
    env.clock.advance(2 * MINUTE);
    await hangUp(env, t, sid, v.number);
    const id = await callId(env, sid);
    const phases = await env.database.client.execute({
      sql: "SELECT phase FROM call_matches WHERE call_id = ? ORDER BY phase",
      args: [id],
    });
    expect(phases.rows.map((r) => r.phase)).toEqual(["end", "start"]);
    const row = await env.database.client.execute({
      sql: "SELECT match_phase FROM calls WHERE id = ?",
      args: [id],
    });
    expect(row.rows[0]!.match_phase).toBe("end");

    // Two days later the same caller dials again; the number went to nobody since.
    env.clock.advance(2 * DAY);
    const again = await ring(env, t, v.number, NY_CALLER);
    const body = await getCall(t.read, again);
    expect(body.matches[0]).toMatchObject({ session: v.session, visitor: v.visitor });
    const explain = await call(env, "GET", `/v1/calls/${await callId(env, again)}/explain`, {
      key: t.read,
    });
    const history = explain.body.candidates[0].contributions.find(
      (c: { feature: string }) => c.feature === "history",
    );
    expect(history.level).toBe("linked");
  });

  it("links the visitors of earlier answers at least 20% likely, the likeliest 5", async () => {
    const t = await trackedTenant(env);
    const views = [];
    for (let i = 0; i < 7; i++) views.push(await pageView(env, t, { ip: IP.NY }));
    // Past every lease window: only the caller's links can bring these sessions back.
    env.clock.advance(8 * DAY);
    const earlier = "call_linktest";
    const at = env.clock.now() - DAY;
    await env.database.client.execute({
      sql: `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
          status, started_at, updated_at, match_phase)
        SELECT ?, ?, id, 'twilio', 'CA_linktest', ?, e164, 'inbound', 'completed', ?, ?, 'end'
        FROM numbers WHERE e164 = ?`,
      args: [earlier, t.account, String(NY_CALLER.From), at, at, views[0]!.number],
    });
    const probabilities = [0.15, 0.21, 0.25, 0.3, 0.45, 0.6, 0.9];
    for (const [i, v] of views.entries()) {
      await env.database.client.execute({
        sql: `INSERT INTO call_matches (call_id, session_id, phase, probability, weight, contributions)
          VALUES (?, ?, 'end', ?, 0, '[]')`,
        args: [earlier, v.session, probabilities[i]!],
      });
    }
    const again = await ring(env, t, views[0]!.number, NY_CALLER);
    const explain = await call(env, "GET", `/v1/calls/${await callId(env, again)}/explain`, {
      key: t.read,
    });
    const offered = explain.body.candidates.map((c: { session: string }) => c.session).sort();
    // 0.9, 0.6, 0.45, 0.3 and 0.25: not 0.21 (a sixth), not 0.15 (below 0.2).
    expect(offered).toEqual(
      views
        .slice(2)
        .map((v) => v.session)
        .sort(),
    );
  });
});

describe("source pools", () => {
  it("credit the pool's channel with the share of the no-session outcome", async () => {
    const t = await trackedTenant(env, {
      pool: { kind: "source", rules: { channel: ["paid_search"], source: ["google"] } },
    });
    const sid = await ring(env, t, t.numbers[0]!);
    const body = await getCall(t.read, sid);
    expect(body.matches).toEqual([
      {
        session: t.pool,
        probability: 0.85,
        visitor: null,
        channel: "paid_search",
        source: "google",
        campaign: null,
        landing_page: null,
      },
    ]);
    expect(body.unattributed).toBeCloseTo(0.15, 12);
    expect(body.credit.markov).toEqual([
      {
        channel: "paid_search",
        source: "google",
        campaign: null,
        landing_page: null,
        session: t.pool,
        weight: 0.85,
      },
    ]);
    expectCreditSums(body);
  });
});
