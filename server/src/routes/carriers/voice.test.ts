import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../testing/app";
import type { CallBody } from "../calls/schemas";
import { NOT_IN_SERVICE } from "./replies";
import {
  CALLER,
  type CarrierTenant,
  FORWARD_TO,
  freshCallSid,
  freshNumber,
  postTelnyx,
  postTwilio,
  storedCalls,
  telnyxKeys,
  twilioTenant,
  voiceForm,
} from "./webhook-fixtures";

const { VoiceResponse } = twilio.twiml;
const VOICE = "/v1/carriers/twilio/voice";

let env: TestEnv;
let owner: CarrierTenant;

beforeAll(async () => {
  env = await createTestEnv();
  owner = await twilioTenant(env);
});
afterAll(() => env.close());

/** The TwiML Twilio's own library builds for the forward we promise. */
function expectedForward(tracking: string, base = "http://localhost") {
  const res = new VoiceResponse();
  res
    .dial({
      callerId: tracking,
      timeout: 30,
      action: `${base}/v1/carriers/twilio/status?event=dial`,
      method: "POST",
    })
    .number(FORWARD_TO);
  return res.toString();
}

function politeHangup(text: string) {
  const res = new VoiceResponse();
  res.say(text);
  res.hangup();
  return res.toString();
}

describe("POST /v1/carriers/twilio/voice", () => {
  it("stores the call before replying with a forward to the number's target", async () => {
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(owner.number, sid), owner.authToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await res.text()).toBe(expectedForward(owner.number));

    const rows = await storedCalls(env, sid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account_id: owner.account,
      number_id: owner.numberId,
      carrier: "twilio",
      from: CALLER,
      to: owner.number,
      direction: "inbound",
      status: "ringing",
      started_at: env.clock.now(),
      caller_city: "CHICAGO",
      caller_state: "IL",
      caller_zip: "60601",
      caller_country: "US",
      caller_region: "US-IL",
    });
  });

  it("answers a retried webhook the same way and keeps one row", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid);
    const first = await postTwilio(env, VOICE, form, owner.authToken);
    const again = await Promise.all(
      [1, 2, 3].map(() => postTwilio(env, VOICE, form, owner.authToken)),
    );
    const body = await first.text();
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(await r.text()).toBe(body);
    }
    expect(await storedCalls(env, sid)).toHaveLength(1);
  });

  it("stores a withheld caller as anonymous and derives no region for it", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid, { From: "anonymous", Caller: "anonymous" });
    for (const key of ["FromCity", "FromState", "FromZip", "FromCountry"]) delete form[key];
    expect((await postTwilio(env, VOICE, form, owner.authToken)).status).toBe(200);
    expect((await storedCalls(env, sid))[0]).toMatchObject({
      from: "anonymous",
      caller_region: null,
    });
  });

  it("derives the caller's region from the number when the carrier sends no geography", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid, { From: "+14155550123" });
    for (const key of ["FromCity", "FromState", "FromZip", "FromCountry"]) delete form[key];
    expect((await postTwilio(env, VOICE, form, owner.authToken)).status).toBe(200);
    expect((await storedCalls(env, sid))[0]).toMatchObject({
      caller_region: "US-CA",
      caller_city: null,
    });
  });

  it("verifies against PUBLIC_BASE_URL + path + query when configured, not the request URL", async () => {
    const sid = freshCallSid();
    const path = `${VOICE}?src=ads`;
    env.services.publicBaseUrl = "https://calls.example.com";
    try {
      const wrong = await postTwilio(env, path, voiceForm(owner.number, sid), owner.authToken);
      expect(wrong.status).toBe(403);
      const right = await postTwilio(env, path, voiceForm(owner.number, sid), owner.authToken, {
        signedUrl: `https://calls.example.com${path}`,
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toBe(expectedForward(owner.number, "https://calls.example.com"));
    } finally {
      env.services.publicBaseUrl = null;
    }
  });

  it("gives a number without a forward target a polite message, and still stores the call", async () => {
    const silent = await twilioTenant(env, { forwardTo: null });
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(silent.number, sid), silent.authToken);
    expect(await res.text()).toBe(politeHangup(NOT_IN_SERVICE));
    expect(await storedCalls(env, sid)).toHaveLength(1);
  });
});

describe("a dialed number nobody registered", () => {
  it("is answered politely; stored for the tenant whose credentials name the carrier account", async () => {
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(freshNumber(), sid), owner.authToken);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(politeHangup(NOT_IN_SERVICE));
    const rows = await storedCalls(env, sid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ account_id: owner.account, number_id: null });
  });

  it("is answered politely and stored nowhere when no tenant can verify it", async () => {
    const sid = freshCallSid();
    const form = voiceForm(freshNumber(), sid, { AccountSid: `AC${"0f".repeat(16)}` });
    const res = await postTwilio(env, VOICE, form, "nobody's token");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(politeHangup(NOT_IN_SERVICE));
    expect(await storedCalls(env, sid)).toHaveLength(0);
  });

  it("is refused when a tenant names the carrier account but the signature is not theirs", async () => {
    const sid = freshCallSid();
    const res = await postTwilio(env, VOICE, voiceForm(freshNumber(), sid), "forged token");
    expect(res.status).toBe(403);
    expect(await storedCalls(env, sid)).toHaveLength(0);
  });
});

describe("rejected webhooks store nothing", () => {
  async function refused(res: Response, status: number, code: string, sid: string) {
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({
      error: { code, message: expect.any(String), request_id: expect.stringMatching(/^req_/) },
    });
    expect(await storedCalls(env, sid)).toHaveLength(0);
  }

  it("403 for a forged signature, a missing one, and a changed parameter", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid);
    await refused(await postTwilio(env, VOICE, form, "not the token"), 403, "bad_signature", sid);
    const unsigned = await env.app.request(VOICE, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    await refused(unsigned, 403, "bad_signature", sid);
    const signature = twilio.getExpectedTwilioSignature(
      owner.authToken,
      `http://localhost${VOICE}`,
      form,
    );
    const tampered = await env.app.request(VOICE, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
      },
      body: new URLSearchParams({ ...form, From: "+13125550100" }).toString(),
    });
    await refused(tampered, 403, "bad_signature", sid);
  });

  it("403 when the account has no credentials for the carrier", async () => {
    const sid = freshCallSid();
    const res = await postTwilio(
      env,
      "/v1/carriers/signalwire/voice",
      voiceForm(owner.number, sid),
      owner.authToken,
      {
        headers: { "x-signalwire-signature": "AAAA" },
      },
    );
    await refused(res, 403, "bad_signature", sid);
  });

  it("400 for a body with no call id, and for a signed body missing To", async () => {
    const garbage = await env.app.request(VOICE, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "%%%not=a&form",
    });
    expect(garbage.status).toBe(400);
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid);
    const noTo = await postTwilio(env, VOICE, { ...form, To: "" }, owner.authToken);
    // Without To the tenant comes from the carrier account, which verifies, then parse fails.
    await refused(noTo, 400, "bad_request", sid);
  });

  it("404 for an unknown carrier, before reading anything", async () => {
    const sid = freshCallSid();
    await refused(
      await postTwilio(
        env,
        "/v1/carriers/vonage/voice",
        voiceForm(owner.number, sid),
        owner.authToken,
      ),
      404,
      "not_found",
      sid,
    );
  });

  it("413 for a body over 64 KB", async () => {
    const sid = freshCallSid();
    const form = voiceForm(owner.number, sid, { Padding: "x".repeat(70_000) });
    await refused(
      await postTwilio(env, VOICE, form, owner.authToken),
      413,
      "payload_too_large",
      sid,
    );
  });
});

describe("Telnyx TeXML", () => {
  it("verifies Ed25519, stores the call and replies with TeXML; a stale timestamp is 403", async () => {
    const tenant = await twilioTenant(env);
    const keys = telnyxKeys();
    const put = await env.app.request("/v1/carriers/telnyx/credentials", {
      method: "PUT",
      headers: { authorization: `Bearer ${tenant.admin}`, "content-type": "application/json" },
      body: JSON.stringify({ public_key: keys.publicKey }),
    });
    expect(put.status).toBe(200);
    const sid = `v3:${freshCallSid()}`;
    const body = new URLSearchParams({
      AccountSid: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
      CallSid: sid,
      CallStatus: "ringing",
      Direction: "inbound",
      From: CALLER,
      To: tenant.number,
    }).toString();
    const path = "/v1/carriers/telnyx/voice";
    const stale = await postTelnyx(env, path, body, keys, {
      timestampS: Math.floor(env.clock.now() / 1000) - 3600,
    });
    expect(stale.status).toBe(403);
    expect(await storedCalls(env, sid)).toHaveLength(0);

    const res = await postTelnyx(env, path, body, keys);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<Dial callerId="${tenant.number}" timeout="30"`);
    expect(await storedCalls(env, sid)).toHaveLength(1);

    const list = await env.app.request("/v1/calls", {
      headers: { authorization: `Bearer ${tenant.read}` },
    });
    const calls = ((await list.json()) as { data: CallBody[] }).data;
    expect(calls.map((c) => [c.carrier, c.carrier_call_id])).toContainEqual(["telnyx", sid]);
  });
});

describe("numbers out of rotation", () => {
  async function withStatus(status: "quarantined" | "retired") {
    const tenant = await twilioTenant(env);
    const res = await env.app.request(`/v1/numbers/${tenant.numberId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${tenant.admin}`, "content-type": "application/json" },
      body: JSON.stringify({ status }),
    });
    expect(res.status).toBe(200);
    return postTwilio(env, VOICE, voiceForm(tenant.number), tenant.authToken);
  }

  it("puts a late caller through on a quarantined number (cooling off, not out of service)", async () => {
    const body = await (await withStatus("quarantined")).text();
    expect(body).toContain(`>${FORWARD_TO}</Number>`);
  });

  it("tells a caller a retired number is not in service", async () => {
    const body = await (await withStatus("retired")).text();
    expect(body).not.toContain(FORWARD_TO);
    expect(body).toContain(NOT_IN_SERVICE);
  });
});
