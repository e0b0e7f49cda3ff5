import twilio from "twilio";
import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../adapter";
import { createSignalwireAdapter } from "./adapter";

const signalwire = createSignalwireAdapter();
const SIGNING_KEY = "PSK_7TruNcSNTxp4zNrykMj4EPzF";
const URL = "https://calls.example.com/v1/carriers/signalwire/voice";
const PARAMS = {
  AccountSid: "446e9986-0848-4d46-a617-48793c5f5e07",
  ApiVersion: "2010-04-01",
  CallSid: "ab7e8a5b-a3b4-4c4a-a6b2-0d1c4a5c1f3e",
  CallStatus: "ringing",
  Direction: "inbound",
  From: "+15551234567",
  To: "+15557654321",
  CallerName: "ACME CORP",
};
const BODY = new URLSearchParams(PARAMS).toString();

function req(headers: Record<string, string>, body = BODY): SignedRequest {
  return { url: URL, headers, contentType: "application/x-www-form-urlencoded", rawBody: body };
}

describe("signalwire", () => {
  const signature = twilio.getExpectedTwilioSignature(SIGNING_KEY, URL, PARAMS);
  const secret = { carrier: "signalwire", signingKey: SIGNING_KEY } as const;

  it("verifies Twilio's algorithm under X-SignalWire-Signature, keyed by the signing key", async () => {
    expect(
      await signalwire.verify(req({ "x-signalwire-signature": signature }), secret, 0),
    ).toEqual({ ok: true });
    expect(await signalwire.verify(req({ "x-twilio-signature": signature }), secret, 0)).toEqual({
      ok: true,
    });
  });

  it("rejects a changed body, another key, a missing header and a Twilio secret", async () => {
    const changed = BODY.replace("ringing", "completed");
    expect(
      await signalwire.verify(req({ "x-signalwire-signature": signature }, changed), secret, 0),
    ).toMatchObject({
      code: "bad_signature",
    });
    const other = { carrier: "signalwire", signingKey: "PSK_other" } as const;
    expect(
      await signalwire.verify(req({ "x-signalwire-signature": signature }), other, 0),
    ).toMatchObject({
      code: "bad_signature",
    });
    expect(await signalwire.verify(req({}), secret, 0)).toMatchObject({
      code: "missing_signature",
    });
    const wrong = { carrier: "twilio", authToken: SIGNING_KEY } as const;
    expect(
      await signalwire.verify(req({ "x-signalwire-signature": signature }), wrong, 0),
    ).toMatchObject({
      code: "invalid_secret",
    });
  });

  it("parses the UUID CallSid and CNAM", () => {
    expect(signalwire.parse(req({}), "voice")).toMatchObject({
      ok: true,
      events: [
        {
          carrier: "signalwire",
          kind: "call_started",
          carrierCallId: "ab7e8a5b-a3b4-4c4a-a6b2-0d1c4a5c1f3e",
          from: "+15551234567",
          to: "+15557654321",
          caller: { name: "ACME CORP" },
        },
      ],
    });
  });
});
