import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postTwilio, voiceForm } from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { DEMO_VIP_CALLER, type DemoSeed, seedDemo } from "./seed";

const { VoiceResponse } = twilio.twiml;
const AUTH_TOKEN = "demo_auth_token";
const DEMO_NUMBER = "+14155550101";
/** Tuesday 10:00 and 22:00 in New York. */
const TUESDAY_10 = Date.parse("2026-11-24T15:00:00Z");
const TUESDAY_22 = Date.parse("2026-11-25T03:00:00Z");

let env: TestEnv;
let demo: DemoSeed;

beforeAll(async () => {
  env = await createTestEnv();
  const seeded = await seedDemo(env.database, ["http://localhost"], env.clock.now());
  if (!seeded) throw new Error("demo not seeded");
  demo = seeded;
  const creds = await call(env, "PUT", "/v1/carriers/twilio/credentials", {
    key: demo.key,
    body: { account_sid: `AC${"a1".repeat(16)}`, auth_token: AUTH_TOKEN },
  });
  expect(creds.status).toBe(200);
});
afterAll(() => env.close());

async function demoCall(from: string, at: number) {
  env.clock.set(at);
  const sid = `CA${Math.random().toString(16).slice(2).padEnd(32, "0")}`;
  const res = await postTwilio(
    env,
    "/v1/carriers/twilio/voice",
    voiceForm(DEMO_NUMBER, sid, { From: from, Caller: from }),
    AUTH_TOKEN,
  );
  expect(res.status).toBe(200);
  return res.text();
}

describe("the demo's sample call flow runs on the demo numbers' calls", () => {
  it("rings the VIP desk for a VIP in business hours, whispering to the desk first", async () => {
    const twiml = await demoCall(DEMO_VIP_CALLER, TUESDAY_10);
    const match =
      /<Dial callerId="\+14155550101" timeout="20" action="http:\/\/localhost\/v1\/carriers\/twilio\/flow\?s=[\w-]+" method="POST"><Number url="([^"]+)">\+12125550101<\/Number><\/Dial>/.exec(
        twiml,
      );
    expect(match, twiml).not.toBeNull();
    // The desk answers: Twilio fetches the whisper, signed, on the desk's leg.
    const url = new URL((match?.[1] ?? "").replaceAll("&amp;", "&"));
    const form = {
      AccountSid: `AC${"a1".repeat(16)}`,
      CallSid: "CAchildleg0000000000000000000000",
      ParentCallSid: "CAparent",
      CallStatus: "in-progress",
      From: DEMO_NUMBER,
      To: "+12125550101",
    };
    const path = `${url.pathname}${url.search}`;
    const whisper = await postTwilio(env, path, form, AUTH_TOKEN, { signedUrl: url.href });
    const expected = new VoiceResponse();
    expected.say("VIP caller");
    expect(await whisper.text()).toBe(expected.toString());
    const forged = await postTwilio(env, path, form, "wrong", { signedUrl: url.href });
    expect(forged.status).toBe(403);
  });

  it("rings the on-duty specialist for an ordinary caller in business hours", async () => {
    expect(await demoCall("+13125550177", TUESDAY_10)).toContain("<Number>+12125550142</Number>");
  });

  it("apologises and takes a voicemail at night", async () => {
    const expected = new VoiceResponse();
    expected.say("Sorry, nobody can take your call right now.");
    expected.record({
      action: "http://localhost/v1/carriers/twilio/status?event=voicemail",
      method: "POST",
      maxLength: 180,
      playBeep: true,
      recordingStatusCallback: "http://localhost/v1/carriers/twilio/status",
    });
    expect(await demoCall("+13125550177", TUESDAY_22)).toBe(expected.toString());
  });
});
