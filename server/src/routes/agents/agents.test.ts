import type { z } from "@hono/zod-openapi";
import { agents, shifts } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import type { AgentSchema } from "./schemas";

type AgentBody = z.infer<typeof AgentSchema>;

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const NOW = "2026-11-24T15:00:00.000Z";
const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
const AGENT = {
  name: "Dana",
  contacts: { voice: "+1 212 555 0142", email: "dana@example.com" },
  channel_types: ["voice", "email"],
};

async function createAgent(t: Tenant = tenant, body: Record<string, unknown> = AGENT) {
  const res = await call(env, "POST", "/v1/agents", { key: t.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as AgentBody;
}

describe("POST /v1/agents", () => {
  it("creates an agent with normalized contacts", async () => {
    const agent = await createAgent();
    const expected: AgentBody = {
      id: expect.stringMatching(/^agt_[a-z0-9]+$/),
      name: "Dana",
      contacts: { voice: "+12125550142", email: "dana@example.com" },
      channel_types: ["voice", "email"],
      shifts: [],
      created_at: NOW,
    };
    expect(agent).toEqual(expected);
    const [row] = await env.database.db.select().from(agents).where(eq(agents.id, agent.id));
    expect(row).toEqual({
      id: agent.id,
      accountId: tenant.account,
      name: "Dana",
      contacts: { voice: "+12125550142", email: "dana@example.com" },
      channelTypes: ["voice", "email"],
      createdAt: Date.parse(NOW),
    });
  });

  it("refuses a channel type without a contact: 400", async () => {
    const res = await call(env, "POST", "/v1/agents", {
      key: tenant.admin,
      body: { ...AGENT, channel_types: ["voice", "sms"] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("contacts.sms is needed to serve sms");
  });
});

describe("POST /v1/agents/{id}/shifts", () => {
  it("adds a shift, defaulting to the agent's channel types, and lists it", async () => {
    const agent = await createAgent();
    const res = await call(env, "POST", `/v1/agents/${agent.id}/shifts`, {
      key: tenant.admin,
      body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^shf_[a-z0-9]+$/),
      agent_id: agent.id,
      rrule: WEEKDAYS,
      time_zone: "America/New_York",
      duration_min: 480,
      channel_types: ["voice", "email"],
      created_at: NOW,
    });
    const [row] = await env.database.db.select().from(shifts).where(eq(shifts.id, res.body.id));
    expect(row).toMatchObject({ accountId: tenant.account, agentId: agent.id, durationMin: 480 });
    const got = await call(env, "GET", `/v1/agents/${agent.id}`, { key: tenant.read });
    expect(got.body).toEqual({ ...agent, shifts: [res.body] });
  });

  it.each([
    [{ time_zone: "Mars/Olympus" }, 'unknown time zone "Mars/Olympus"'],
    [{ duration_min: 0 }, "durationMinutes must be an integer from 1 to 10080"],
    [{ rrule: "RRULE:FREQ=DAILY" }, "rrule needs a DTSTART"],
    [
      { rrule: "DTSTART:20260302T090000Z\nRRULE:FREQ=DAILY" },
      "DTSTART must be a floating local time; the zone comes from timeZone",
    ],
    [{ channel_types: ["sms"] }, "The agent does not serve sms"],
  ])("refuses %j with 400 and the reason", async (change, message) => {
    const agent = await createAgent();
    const res = await call(env, "POST", `/v1/agents/${agent.id}/shifts`, {
      key: tenant.admin,
      body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480, ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", message });
  });

  it("answers another tenant's agent with 404", async () => {
    const agent = await createAgent();
    const other = await createTenant(env, "Other");
    const res = await call(env, "POST", `/v1/agents/${agent.id}/shifts`, {
      key: other.admin,
      body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
    });
    expect(res.status).toBe(404);
    const list = await call(env, "GET", "/v1/agents", { key: other.read });
    expect(list.body).toEqual({ data: [] });
  });
});

const agentPath = async (e: TestEnv, owner: Tenant) => {
  const res = await call(e, "POST", "/v1/agents", { key: owner.admin, body: AGENT });
  return `/v1/agents/${res.body.id}`;
};

describeSecurity("POST /v1/agents", () => env, {
  scope: "admin",
  ok: 201,
  setup: async () => ({ method: "POST", path: "/v1/agents", body: AGENT }),
});
describeSecurity("GET /v1/agents", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/agents" }),
});
describeSecurity("GET /v1/agents/{id}", () => env, {
  scope: "read",
  owned: true,
  setup: async (e, owner) => ({ method: "GET", path: await agentPath(e, owner) }),
});
describeSecurity("POST /v1/agents/{id}/shifts", () => env, {
  scope: "admin",
  owned: true,
  ok: 201,
  setup: async (e, owner) => ({
    method: "POST",
    path: `${await agentPath(e, owner)}/shifts`,
    body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
  }),
});
