import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import { sampleFlowDocument } from "./sample-flow";
import type { SimulationBody } from "./schemas";

let env: TestEnv;
let tenant: Tenant;
let flowId: string;

const LINES = { vipDesk: "+12125550101", fallback: "+12125550100", mailbox: "team@example.com" };
const VIP_CALLER = "+13125550177";
const AGENT_PHONE = "+12125550142";
const WEEKDAYS = "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  const flow = await call(env, "POST", "/v1/call-flows", {
    key: tenant.admin,
    body: { name: "Main line", document: sampleFlowDocument(LINES) },
  });
  flowId = flow.body.id;
  const agent = await call(env, "POST", "/v1/agents", {
    key: tenant.admin,
    body: { name: "Dana", contacts: { voice: AGENT_PHONE }, channel_types: ["voice"] },
  });
  await call(env, "POST", `/v1/agents/${agent.body.id}/shifts`, {
    key: tenant.admin,
    body: { rrule: WEEKDAYS, time_zone: "America/New_York", duration_min: 480 },
  });
});
afterAll(() => env.close());

async function simulate(caller: string, at: string, t: Tenant = tenant, id = flowId) {
  const res = await call(env, "POST", `/v1/call-flows/${id}/simulate`, {
    key: t.read,
    body: {
      caller,
      number: "+18005550100",
      at,
      time_zone: "America/New_York",
      data: { table: { vip: { [VIP_CALLER]: { tier: "gold" } } } },
    },
  });
  return res;
}

const dial = (numbers: string[], timeoutS: number, fromStep: string, extra = {}) => ({
  kind: "dial",
  target: { kind: "numbers", numbers },
  mode: "simultaneous",
  timeoutS,
  record: false,
  ...extra,
  resume: { fromStep, attempt: 1 },
});

describe("POST /v1/call-flows/{id}/simulate", () => {
  it("in business hours, rings the VIP desk for a caller on the VIP table", async () => {
    const res = await simulate(VIP_CALLER, "2026-11-24T15:00:00Z"); // Tue 10:00 in New York
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected: SimulationBody = {
      version: 1,
      needed_sources: ["clock", "vip_list", "schedule"],
      decision: {
        prelude: [],
        action: dial([LINES.vipDesk], 20, "vip", { whisper: "VIP caller" }),
        tags: {},
        webhooks: [],
        forwards: [],
        fallback: false,
      },
      trace: [
        { step: "vip", event: "condition", value: true, detail: expect.stringMatching(/is true$/) },
        { step: "vip", event: "action", detail: `dial ${LINES.vipDesk}` },
      ],
      markup: {
        twilio: expect.stringContaining(`">${LINES.vipDesk}</Number></Dial></Response>`),
        telnyx: expect.stringContaining(`">${LINES.vipDesk}</Number></Dial></Response>`),
      },
    };
    expect(res.body).toEqual(expected);
  });

  it("reads the account's own table when the request gives none", async () => {
    const other = "+13125550166";
    await call(env, "PUT", `/v1/tables/vip/rows/${encodeURIComponent(other)}`, {
      key: tenant.admin,
      body: { value: true },
    });
    const res = await call(env, "POST", `/v1/call-flows/${flowId}/simulate`, {
      key: tenant.read,
      body: {
        caller: other,
        number: "+18005550100",
        at: "2026-11-24T15:00:00Z",
        time_zone: "America/New_York",
      },
    });
    expect(res.body.decision.action.target).toEqual({ kind: "numbers", numbers: [LINES.vipDesk] });
  });

  it("in business hours, rings the on-duty agent for anyone else", async () => {
    const res = await simulate("+13125550188", "2026-11-24T15:00:00Z");
    expect(res.status).toBe(200);
    expect(res.body.decision.action).toEqual(dial([AGENT_PHONE], 30, "on_duty"));
    expect(
      res.body.trace.map((e: { step: string; event: string }) => `${e.step}:${e.event}`),
    ).toEqual(["vip:condition", "vip:skipped", "on_duty:condition", "on_duty:action"]);
  });

  it("out of hours, takes a voicemail even from a VIP", async () => {
    const res = await simulate(VIP_CALLER, "2026-11-24T23:30:00Z"); // Tue 18:30 in New York
    expect(res.status).toBe(200);
    expect(res.body.decision).toEqual({
      prelude: [{ kind: "say", text: "Sorry, nobody can take your call right now." }],
      action: { kind: "voicemail", to: { kind: "email", email: LINES.mailbox } },
      tags: {},
      webhooks: [],
      forwards: [],
      fallback: false,
    });
  });

  it("treats an anonymous caller as not on the table", async () => {
    const res = await simulate("anonymous", "2026-11-24T15:00:00Z");
    expect(res.body.decision.action).toEqual(dial([AGENT_PHONE], 30, "on_duty"));
  });

  it("refuses to simulate an invalid version: 409 flow_invalid", async () => {
    await call(env, "PUT", `/v1/call-flows/${flowId}/versions`, {
      key: tenant.admin,
      body: { document: { version: 1, steps: {} } },
    });
    const res = await call(env, "POST", `/v1/call-flows/${flowId}/simulate`, {
      key: tenant.read,
      body: { caller: VIP_CALLER, number: "+18005550100", at: "2026-11-24T15:00:00Z" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("flow_invalid");
    const v1 = await call(env, "POST", `/v1/call-flows/${flowId}/simulate`, {
      key: tenant.read,
      body: { version: 1, caller: VIP_CALLER, number: "+18005550100", at: "2026-11-24T15:00:00Z" },
    });
    expect(v1.status).toBe(200);
  });

  it("refuses an unknown time zone and a bad caller: 400", async () => {
    for (const change of [{ time_zone: "Mars/Olympus" }, { caller: "12" }, { at: "tomorrow" }]) {
      const res = await call(env, "POST", `/v1/call-flows/${flowId}/simulate`, {
        key: tenant.read,
        body: { caller: VIP_CALLER, number: "+18005550100", at: "2026-11-24T15:00:00Z", ...change },
      });
      expect(res.status).toBe(400);
    }
  });

  it("answers another tenant's flow with 404", async () => {
    const other = await createTenant(env, "Other");
    const res = await simulate(VIP_CALLER, "2026-11-24T15:00:00Z", other);
    expect(res.status).toBe(404);
  });
});

describeSecurity("POST /v1/call-flows/{id}/simulate", () => env, {
  scope: "read",
  owned: true,
  setup: async (e, owner) => {
    const flow = await call(e, "POST", "/v1/call-flows", {
      key: owner.admin,
      body: { name: "Secured", document: sampleFlowDocument(LINES) },
    });
    return {
      method: "POST",
      path: `/v1/call-flows/${flow.body.id}/simulate`,
      body: { caller: VIP_CALLER, number: "+18005550100", at: "2026-11-24T15:00:00Z" },
    };
  },
});
