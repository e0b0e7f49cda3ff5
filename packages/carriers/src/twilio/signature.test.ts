import twilio from "twilio";
import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../adapter";
import { parseForm } from "../form-params";
import { twilioSignedString, verifyTwilioStyleSignature } from "./signature";

const FORM = "application/x-www-form-urlencoded";
const TOKEN = "2bd9e9638872de601313dc77410d3b23";

/** The captured inbound voice request from twilio-ruby's request_validator_spec.rb. */
const VOICE_PARAMS: Record<string, string> = {
  ToState: "California",
  CalledState: "California",
  Direction: "inbound",
  FromState: "CA",
  AccountSid: "ACba8bc05eacf94afdae398e642c9cc32d",
  Caller: "+14153595711",
  CallerZip: "94108",
  CallerCountry: "US",
  From: "+14153595711",
  FromCity: "SAN FRANCISCO",
  CallerCity: "SAN FRANCISCO",
  To: "+14157669926",
  FromZip: "94108",
  FromCountry: "US",
  ToCity: "",
  CallStatus: "ringing",
  CalledCity: "",
  CallerState: "CA",
  CalledZip: "",
  ToZip: "",
  ToCountry: "US",
  CallSid: "CA136d09cd59a3c0ec8dbff44da5c03f31",
  CalledCountry: "US",
  Called: "+14157669926",
  ApiVersion: "2010-04-01",
  ApplicationSid: "AP44efecad51364e80b133bb7c07eb8204",
};

function form(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  return search.toString();
}

function request(
  url: string,
  body: string | Uint8Array,
  signature?: string,
  contentType = FORM,
): SignedRequest {
  return {
    url,
    rawBody: body,
    contentType,
    headers: signature === undefined ? {} : { "x-twilio-signature": signature },
  };
}

const verify = (req: SignedRequest, token = TOKEN) =>
  verifyTwilioStyleSignature(req, token, ["x-twilio-signature"]);

async function hmacSha1Base64(key: string, data: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey(
    "raw",
    enc.encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  return Buffer.from(await crypto.subtle.sign("HMAC", k, enc.encode(data))).toString("base64");
}

describe("published test vectors (twilio-node spec/validation.spec.js, twilio-ruby spec)", () => {
  it("form request with a query string", async () => {
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const body = form({
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675309",
      Digits: "1234",
      From: "+14158675309",
      To: "+18005551212",
    });
    const expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(await hmacSha1Base64("12345", twilioSignedString(url, parseForm(body)))).toBe(expected);
    expect(await verify(request(url, body, expected), "12345")).toEqual({ ok: true });
  });

  it("JSON body through bodySHA256", async () => {
    const url =
      "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    const body = '{"property": "value", "boolean": true}';
    const req = request(url, body, "a9nBmqA0ju/hNViExpshrM61xv4=", "application/json");
    expect(await verify(req, "12345")).toEqual({ ok: true });
    const tampered = { ...req, rawBody: body.replace("true", "false") };
    expect(await verify(tampered, "12345")).toMatchObject({ ok: false, code: "bad_signature" });
  });

  it("the 27-field voice request with blank geo fields", async () => {
    const req = request(
      "http://twiliotests.heroku.com/validate/voice",
      form(VOICE_PARAMS),
      "oVb2kXoVy8GEfwBDjR8bk/ZZ6eA=",
    );
    expect(await verify(req)).toEqual({ ok: true });
  });
});

describe("against the twilio library", () => {
  const url = "https://calls.example.com/v1/carriers/twilio/voice?src=pool_1";
  const body = form(VOICE_PARAMS);
  const signature = twilio.getExpectedTwilioSignature(TOKEN, url, VOICE_PARAMS);

  it("accepts what twilio signs, as twilio.validateRequest does", async () => {
    expect(twilio.validateRequest(TOKEN, signature, url, VOICE_PARAMS)).toBe(true);
    expect(await verify(request(url, body, signature))).toEqual({ ok: true });
    expect(await verify(request(url, new TextEncoder().encode(body), signature))).toEqual({
      ok: true,
    });
  });

  it("rejects every changed body byte that changes a field", async () => {
    const original = parseForm(body);
    for (let i = 0; i < body.length; i++) {
      const changed = body.slice(0, i) + (body[i] === "x" ? "y" : "x") + body.slice(i + 1);
      const result = await verify(request(url, changed, signature));
      const same = JSON.stringify([...parseForm(changed)]) === JSON.stringify([...original]);
      expect(result.ok, `byte ${i}`).toBe(same);
    }
  });

  it.each([
    ["a changed parameter", { ...VOICE_PARAMS, From: "+14153595712" }, url],
    ["an added parameter", { ...VOICE_PARAMS, Extra: "1" }, url],
    ["an added empty parameter", { ...VOICE_PARAMS, Extra: "" }, url],
    ["a removed parameter", { ...VOICE_PARAMS, ToZip: undefined }, url],
    ["a changed path", VOICE_PARAMS, url.replace("/voice", "/status")],
    ["a changed query", VOICE_PARAMS, url.replace("pool_1", "pool_2")],
    ["a changed host", VOICE_PARAMS, url.replace("calls.", "kalls.")],
    ["http instead of https", VOICE_PARAMS, url.replace("https:", "http:")],
  ])("rejects %s, as twilio does", async (_, params, requestUrl) => {
    const sent = Object.fromEntries(
      Object.entries(params).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    expect(twilio.validateRequest(TOKEN, signature, requestUrl, sent)).toBe(false);
    expect(await verify(request(requestUrl, form(sent), signature))).toMatchObject({
      ok: false,
      code: "bad_signature",
    });
  });

  it("rejects a missing header, another token and a non-base64 header", async () => {
    expect(await verify(request(url, body))).toMatchObject({ code: "missing_signature" });
    expect(await verify(request(url, body, signature), "other-token")).toMatchObject({
      code: "bad_signature",
    });
    expect(await verify(request(url, body, "not base64!"))).toMatchObject({
      code: "bad_signature",
    });
    expect(await verify(request(url, body, signature), "")).toMatchObject({
      code: "invalid_secret",
    });
  });

  it("accepts the URL with or without the default port, like validateRequest", async () => {
    const cases = [
      ["https://calls.example.com:443/v1/voice", "https://calls.example.com/v1/voice"],
      ["https://calls.example.com/v1/voice", "https://calls.example.com:443/v1/voice"],
      ["http://calls.example.com:80/v1/voice?a=1", "http://calls.example.com/v1/voice?a=1"],
    ];
    for (const [signedUrl, requestUrl] of cases as [string, string][]) {
      const sig = twilio.getExpectedTwilioSignature(TOKEN, signedUrl, VOICE_PARAMS);
      expect(twilio.validateRequest(TOKEN, sig, requestUrl, VOICE_PARAMS)).toBe(true);
      expect(await verify(request(requestUrl, body, sig))).toEqual({ ok: true });
    }
    const otherPort = twilio.getExpectedTwilioSignature(
      TOKEN,
      "https://calls.example.com:8443/v1/voice",
      VOICE_PARAMS,
    );
    expect(
      await verify(request("https://calls.example.com/v1/voice", body, otherPort)),
    ).toMatchObject({ ok: false });
  });

  it("agrees with validateRequest on normalised and legacy-encoded query strings", async () => {
    const requestUrl = "https://calls.example.com/v1/voice?name=O'Brien&q=a b&n=2&1=x";
    const signedForms = [
      requestUrl,
      new URL(requestUrl).toString(),
      "https://calls.example.com/v1/voice?1=x&name=O'Brien&q=a%20b&n=2",
    ];
    for (const signed of signedForms) {
      const sig = twilio.getExpectedTwilioSignature(TOKEN, signed, VOICE_PARAMS);
      const theirs = twilio.validateRequest(TOKEN, sig, requestUrl, VOICE_PARAMS);
      expect(theirs).toBe(true);
      expect((await verify(request(requestUrl, body, sig))).ok, signed).toBe(theirs);
    }
  });

  it("signs repeated fields as twilio does: distinct values, sorted", async () => {
    const params = { CallSid: "CA1", Tag: ["b", "a", "b"] };
    const sig = twilio.getExpectedTwilioSignature(TOKEN, url, params);
    expect(await verify(request(url, form(params), sig))).toEqual({ ok: true });
  });

  it("checks JSON bodies through bodySHA256, as validateRequestWithBody does", async () => {
    const json = JSON.stringify({ CallSid: "CA1", note: "café" });
    const hashed = `${url}&bodySHA256=${twilio.getExpectedBodyHash(json)}`;
    const sig = twilio.getExpectedTwilioSignature(TOKEN, hashed, {});
    expect(twilio.validateRequestWithBody(TOKEN, sig, hashed, json)).toBe(true);
    expect(await verify(request(hashed, json, sig, "application/json"))).toEqual({ ok: true });

    const changed = json.replace("CA1", "CA2");
    expect(twilio.validateRequestWithBody(TOKEN, sig, hashed, changed)).toBe(false);
    expect(await verify(request(hashed, changed, sig, "application/json"))).toMatchObject({
      code: "bad_signature",
    });
  });

  it("refuses a body no signature covers (JSON without bodySHA256)", async () => {
    const sig = twilio.getExpectedTwilioSignature(TOKEN, url, {});
    const req = request(url, '{"CallSid":"CA1"}', sig, "application/json");
    expect(await verify(req)).toMatchObject({ ok: false, code: "bad_signature" });
    expect(await verify(request(url, "", sig))).toEqual({ ok: true });
  });
});
