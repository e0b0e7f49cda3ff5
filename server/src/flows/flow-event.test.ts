import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLER,
  freshCallSid,
  postTwilio,
  twilioTenant,
  voiceForm,
} from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { routeThroughFlow, traceOf } from "./flow-testing";

const VOICE = "/v1/carriers/twilio/voice";
const PRIORITY = "+12125550111";
const MAIN = "+12125550100";
/** Around the test clock (2026-11-24 15:00 UTC). */
const WINDOW = { starts_at: "2026-11-24T12:00:00Z", ends_at: "2026-11-25T12:00:00Z" };
const FLOW = {
  version: 1,
  sources: { event: { type: "event" } },
  start: "affected",
  steps: {
    affected: {
      when: "event.active && 'outage' in event.kinds",
      dial: { to: [PRIORITY] },
      next: "main",
    },
    main: { dial: { to: [MAIN] } },
  },
  default_target: { to: [MAIN] },
};

const dialed = (twiml: string) =>
  [...twiml.matchAll(/<Number[^>]*>([^<]+)<\/Number>/g)].map((m) => m[1]);

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe("the event source: campaigns flag affected callers for call flows", () => {
  it("routes a caller inside an active event's area first, and others as usual", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, FLOW);
    // CALLER is a Chicago (312) number; the outage covers area code 312 only.
    const event = await call(env, "POST", "/v1/events", {
      key: tenant.admin,
      body: { kind: "outage", ...WINDOW, area: { area_codes: ["312"] }, actions: ["flag"] },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);

    const inArea = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(tenant.number, inArea), tenant.authToken);
    expect(dialed(await res.text())).toEqual([PRIORITY]);
    const [voice] = (await traceOf(env, tenant, inArea)).decisions;
    expect(voice?.trace.find((e) => e.event === "condition")?.value).toBe(true);

    const elsewhere = "+14155550123";
    const other = await postTwilio(
      env,
      VOICE,
      voiceForm(tenant.number, freshCallSid(), {
        From: elsewhere,
        Caller: elsewhere,
        FromState: "CA",
      }),
      tenant.authToken,
    );
    expect(dialed(await other.text())).toEqual([MAIN]);
    expect(CALLER.startsWith("+1312")).toBe(true);
  });

  it("ignores events that are over, lack the flag action, or belong to another account", async () => {
    const tenant = await twilioTenant(env);
    await routeThroughFlow(env, tenant, FLOW);
    const stranger = await twilioTenant(env);
    const make = (key: string, body: Record<string, unknown>) =>
      call(env, "POST", "/v1/events", {
        key,
        body: { kind: "outage", area: { area_codes: ["312"] }, ...body },
      });
    expect(
      (
        await make(tenant.admin, {
          starts_at: "2026-11-20T00:00:00Z",
          ends_at: "2026-11-21T00:00:00Z",
          actions: ["flag"],
        })
      ).status,
    ).toBe(201);
    expect((await make(tenant.admin, { ...WINDOW, actions: ["audience_export"] })).status).toBe(
      201,
    );
    expect((await make(stranger.admin, { ...WINDOW, actions: ["flag"] })).status).toBe(201);

    const res = await postTwilio(env, VOICE, voiceForm(tenant.number), tenant.authToken);
    expect(dialed(await res.text())).toEqual([MAIN]);
  });

  it("simulate reads the account's real events at the simulated time", async () => {
    const tenant = await twilioTenant(env);
    const flow = await routeThroughFlow(env, tenant, FLOW);
    await call(env, "POST", "/v1/events", {
      key: tenant.admin,
      body: { kind: "outage", ...WINDOW, area: { area_codes: ["312"] }, actions: ["flag"] },
    });
    const simulate = (at: string) =>
      call(env, "POST", `/v1/call-flows/${flow}/simulate`, {
        key: tenant.admin,
        body: { caller: CALLER, number: tenant.number, at },
      });
    const during = await simulate("2026-11-24T18:00:00Z");
    expect(during.status, JSON.stringify(during.body)).toBe(200);
    expect(JSON.stringify(during.body)).toContain(PRIORITY);
    const after = await simulate("2026-11-26T18:00:00Z");
    expect(JSON.stringify(after.body)).not.toContain(PRIORITY);
  });
});
