import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionUrl, postCallback, routeThroughFlow, traceOf } from "../../flows/flow-testing";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import { freshCallSid, postTwilio, twilioTenant, voiceForm } from "../carriers/webhook-fixtures";

const VOICE = "/v1/carriers/twilio/voice";
const FALLBACK = "+12125550190";
const LINES = ["+12125550121", "+12125550122", "+12125550123"] as const;

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function agent(t: Tenant, name: string, contacts: Record<string, string>) {
  const res = await call(env, "POST", "/v1/agents", {
    key: t.admin,
    body: { name, contacts, channel_types: Object.keys(contacts) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return String(res.body.id);
}

async function group(t: Tenant, agents: string[]) {
  return call(env, "POST", "/v1/agent-groups", { key: t.admin, body: { name: "Sales", agents } });
}

const dialed = (twiml: string) =>
  [...twiml.matchAll(/<Number[^>]*>([^<]+)<\/Number>/g)].map((m) => m[1]);

describe("agent groups", () => {
  it("keeps members in ringing order and refuses unknown or voiceless agents", async () => {
    const t = await createTenant(env);
    const other = await createTenant(env);
    const a = await agent(t, "A", { voice: LINES[0] });
    const b = await agent(t, "B", { voice: LINES[1] });
    const chatOnly = await agent(t, "C", { chat: "@c" });
    const foreign = await agent(other, "X", { voice: LINES[2] });

    const made = await group(t, [b, a, b]);
    expect(made.status).toBe(201);
    expect(made.body.agents).toEqual([b, a]);
    const read = await call(env, "GET", `/v1/agent-groups/${made.body.id}`, { key: t.read });
    expect(read.body).toEqual(made.body);

    for (const bad of [[foreign], [chatOnly], []]) {
      const res = await group(t, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await call(env, "GET", "/v1/agent-groups", { key: t.read })).body.data).toHaveLength(1);
    const gone = await call(env, "GET", `/v1/agent-groups/${made.body.id}`, { key: other.read });
    expect(gone.status).toBe(404);
  });

  it("a flow dials a group all at once, or in order through the callbacks", async () => {
    const owner = await twilioTenant(env);
    const ids = [
      await agent(owner, "A", { voice: LINES[0] }),
      await agent(owner, "B", { voice: LINES[1] }),
    ];
    const grp = String((await group(owner, ids)).body.id);
    await routeThroughFlow(env, owner, {
      version: 1,
      sources: {},
      start: "all",
      steps: { all: { dial: { to: { group: grp } } } },
      default_target: { to: [FALLBACK] },
    });
    const all = await postTwilio(env, VOICE, voiceForm(owner.number), owner.authToken);
    expect(dialed(await all.text())).toEqual([LINES[0], LINES[1]]);

    const inOrder = await twilioTenant(env);
    const ordered = [
      await agent(inOrder, "B", { voice: LINES[1] }),
      await agent(inOrder, "A", { voice: LINES[0] }),
    ];
    const seq = String((await group(inOrder, ordered)).body.id);
    await routeThroughFlow(env, inOrder, {
      version: 1,
      sources: {},
      start: "ring",
      steps: {
        ring: { dial: { to: { group: seq }, mode: "sequential" }, on_no_answer: "bye" },
        bye: { hangup: {} },
      },
      default_target: { to: [FALLBACK] },
    });
    const sid = freshCallSid();
    const first = await (
      await postTwilio(env, VOICE, voiceForm(inOrder.number, sid), inOrder.authToken)
    ).text();
    expect(dialed(first)).toEqual([LINES[1]]);
    const second = await (
      await postCallback(
        env,
        actionUrl(first),
        {
          ...voiceForm(inOrder.number, sid),
          CallStatus: "in-progress",
          DialCallStatus: "no-answer",
        },
        inOrder.authToken,
      )
    ).text();
    expect(dialed(second)).toEqual([LINES[0]]);
  });

  it("a deleted group sends the call to the flow's default target", async () => {
    const owner = await twilioTenant(env);
    const grp = String(
      (await group(owner, [await agent(owner, "A", { voice: LINES[0] })])).body.id,
    );
    await routeThroughFlow(env, owner, {
      version: 1,
      sources: {},
      start: "all",
      steps: { all: { dial: { to: { group: grp } } } },
      default_target: { to: [FALLBACK] },
    });
    expect(
      (await call(env, "DELETE", `/v1/agent-groups/${grp}`, { key: owner.admin })).status,
    ).toBe(204);
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken);
    expect(dialed(await res.text())).toEqual([FALLBACK]);
    const [voice] = (await traceOf(env, owner, sid)).decisions;
    expect(voice?.fallback).toBe(true);
  });
});

describeSecurity("POST /v1/agent-groups", () => env, {
  scope: "admin",
  ok: 201,
  setup: async (e, owner) => {
    const res = await call(e, "POST", "/v1/agents", {
      key: owner.admin,
      body: { name: "A", contacts: { voice: LINES[0] }, channel_types: ["voice"] },
    });
    return { method: "POST", path: "/v1/agent-groups", body: { name: "G", agents: [res.body.id] } };
  },
});
describeSecurity("DELETE /v1/agent-groups/{id}", () => env, {
  scope: "admin",
  owned: true,
  ok: 204,
  setup: async (e, owner) => {
    const a = await call(e, "POST", "/v1/agents", {
      key: owner.admin,
      body: { name: "A", contacts: { voice: LINES[0] }, channel_types: ["voice"] },
    });
    const g = await call(e, "POST", "/v1/agent-groups", {
      key: owner.admin,
      body: { name: "G", agents: [a.body.id] },
    });
    return { method: "DELETE", path: `/v1/agent-groups/${g.body.id}` };
  },
});
