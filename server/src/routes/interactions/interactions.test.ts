import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import type { InteractionBody } from "./schemas";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

async function record(body: Record<string, unknown>, t: Tenant = tenant) {
  const res = await call(env, "POST", "/v1/interactions", { key: t.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as InteractionBody;
}

async function count(table: string) {
  const { rows } = await env.database.client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

describe("POST /v1/interactions", () => {
  it("classifies, picks the medium, fills the template and routes to the on-duty specialist", async () => {
    const agent = await call(env, "POST", "/v1/agents", {
      key: tenant.admin,
      body: { name: "Bo", contacts: { email: "bo@example.com" }, channel_types: ["email"] },
    });
    const shift = await call(env, "POST", `/v1/agents/${agent.body.id}/shifts`, {
      key: tenant.admin,
      body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
    });
    expect(shift.status).toBe(201);
    const put = await call(env, "PUT", "/v1/models/subject/specialists/billing", {
      key: tenant.admin,
      body: { agents: [agent.body.id] },
    });
    expect(put.status).toBe(200);
    const tpl = await call(env, "POST", "/v1/response-templates", {
      key: tenant.admin,
      body: {
        subject: "billing",
        medium: "email",
        body: "Hi {{name}}, about your {{subject}} question",
      },
    });
    expect(tpl.status).toBe(201);

    const body = await record({
      channel: "email",
      customer: { email: "  Ann@Example.com ", attributes: { name: "Ann" } },
      text: "I was charged twice on my card this month, please refund one",
      metadata: { thread: "T-1" },
    });
    expect(body).toMatchObject({
      id: expect.stringMatching(/^itx_/),
      channel: "email",
      customer: { phone: null, email: "ann@example.com" },
      metadata: { thread: "T-1" },
      occurred_at: "2026-11-24T15:00:00.000Z",
      call_id: null,
      action: {
        spam: false,
        subject: "billing",
        intent: null,
        urgency: "normal",
        medium: "email",
        medium_rule: "same_channel",
        message: "Hi Ann, about your billing question",
        template_id: tpl.body.id,
        route_to: { agent_id: agent.body.id, contact: "bo@example.com", channel_type: "email" },
      },
      context: { earlier_interactions: 0, sessions: [], channels: [], customer_state: null },
    });
    expect(body.models.map((m) => m.model)).toEqual(["subject", "sentiment"]);
    expect(body.models[0]?.confidence).toBeGreaterThan(0.5);
    const read = await call(env, "GET", `/v1/interactions/${body.id}`, { key: tenant.read });
    expect(read.body).toEqual(body);
  });

  it("uses the account's CEL rules and the customer's earlier interactions", async () => {
    const rules = await call(env, "PUT", "/v1/models/intent_rules", {
      key: tenant.admin,
      body: {
        rules: [
          { name: "repeat", when: "customer.interactions >= 1", intent: "follow_up" },
          { name: "rush", when: 'text.contains("asap") || metadata.vip == true', urgency: "high" },
        ],
      },
    });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    const first = await record({
      channel: "sms",
      customer: { phone: "+14155550123" },
      text: "when can you come",
    });
    expect(first.action).toMatchObject({ intent: null, urgency: "normal", medium: "sms" });
    env.clock.advance(60_000);
    const second = await record({
      channel: "sms",
      customer: { phone: "+1 (415) 555-0123" },
      text: "please reschedule my appointment asap",
    });
    expect(second.customer.phone).toBe("+14155550123");
    expect(second.action).toMatchObject({
      intent: "follow_up",
      urgency: "high",
      medium: "callback",
    });
    expect(second.context.earlier_interactions).toBe(1);
    expect(second.context.recent).toEqual([
      {
        id: first.id,
        channel: "sms",
        occurred_at: first.occurred_at,
        subject: first.action.subject,
      },
    ]);
    expect(second.models.find((m) => m.model === "intent_rules")?.output).toMatchObject({
      matched: ["repeat", "rush"],
    });
  });

  it("refuses bad input with 4xx and stores nothing", async () => {
    const before = await count("interactions");
    const bad: [unknown, number][] = [
      [{ channel: "fax", customer: { phone: "+14155550123" }, text: "x" }, 400],
      [{ channel: "sms", customer: {}, text: "x" }, 400],
      [{ channel: "sms", customer: { phone: "+1415" }, text: "x" }, 400],
      [{ channel: "sms", customer: { email: "not-an-email" }, text: "x" }, 400],
      [{ channel: "sms", customer: { phone: "+14155550123" }, text: "x", extra: 1 }, 400],
      [{ channel: "sms", customer: { phone: "+14155550123" }, text: 5 }, 400],
      [
        {
          channel: "sms",
          customer: { phone: "+14155550123" },
          text: "x",
          occurred_at: "yesterday",
        },
        400,
      ],
      [{ channel: "sms", customer: { phone: "+14155550123" }, text: "x".repeat(20_001) }, 400],
    ];
    for (const [body, status] of bad) {
      const res = await call(env, "POST", "/v1/interactions", {
        key: tenant.admin,
        body: body as never,
      });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    const malformed = await call(env, "POST", "/v1/interactions", {
      key: tenant.admin,
      body: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const rules = await call(env, "PUT", "/v1/models/intent_rules", {
      key: tenant.admin,
      body: { rules: [{ name: "x", when: "text.contains(", intent: "a" }] },
    });
    expect(rules.status).toBe(400);
    expect(rules.body.error.message).toContain('rule "x"');
    expect(await count("interactions")).toBe(before);
  });

  it("lists newest first with a cursor, and hides other tenants' interactions", async () => {
    const other = await createTenant(env, "Other");
    const theirs = await record(
      { channel: "chat", customer: { email: "x@y.com" }, text: "hello" },
      other,
    );
    env.clock.advance(1000);
    const a = await record({
      channel: "web_form",
      customer: { email: "a@b.com" },
      text: "a quote for 3 seats",
    });
    env.clock.advance(1000);
    const b = await record({
      channel: "web_form",
      customer: { email: "a@b.com" },
      text: "a quote for 4 seats",
    });
    const page1 = await call(env, "GET", "/v1/interactions?limit=1&channel=web_form", {
      key: tenant.read,
    });
    expect(page1.body.data.map((i: InteractionBody) => i.id)).toEqual([b.id]);
    const page2 = await call(
      env,
      "GET",
      `/v1/interactions?limit=5&channel=web_form&cursor=${page1.body.next_cursor}`,
      {
        key: tenant.read,
      },
    );
    expect(page2.body).toEqual({ data: [a], next_cursor: null });
    const all = await call(env, "GET", "/v1/interactions?limit=200", { key: tenant.read });
    expect(all.body.data.map((i: InteractionBody) => i.id)).not.toContain(theirs.id);
    expect(
      (await call(env, "GET", `/v1/interactions/${theirs.id}`, { key: tenant.admin })).status,
    ).toBe(404);
    expect(
      (await call(env, "GET", "/v1/interactions?cursor=zzz", { key: tenant.read })).status,
    ).toBe(400);
  });
});

describeSecurity("POST /v1/interactions", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({
    method: "POST",
    path: "/v1/interactions",
    body: { channel: "sms", customer: { phone: "+14155550100" }, text: "cancel my plan" },
  }),
});

describeSecurity("GET /v1/interactions/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (_env, owner) => ({
    method: "GET",
    path: `/v1/interactions/${(await record({ channel: "sms", customer: { phone: "+14155550100" }, text: "hi" }, owner)).id}`,
  }),
});
