import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import Telnyx from "telnyx";
import { TelnyxWebhook } from "telnyx/lib/webhooks";
import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../adapter";
import { createTelnyxAdapter } from "./adapter";

/** Telnyx signs `${timestamp}|${raw body}` with the account's Ed25519 key; we hold a test key. */
function keyPair(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return { privateKey, publicKey: Buffer.from(raw).toString("base64") };
}

const { privateKey, publicKey } = keyPair();
const telnyx = createTelnyxAdapter();
const secret = { carrier: "telnyx", publicKey } as const;

function signed(
  body: string | Uint8Array,
  timestamp: string,
  contentType = "application/json",
): SignedRequest {
  const message = Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]);
  return {
    url: "https://calls.example.com/v1/carriers/telnyx/status",
    contentType,
    rawBody: body,
    headers: {
      "telnyx-signature-ed25519": sign(null, message, privateKey).toString("base64"),
      "telnyx-timestamp": timestamp,
    },
  };
}

const HANGUP = JSON.stringify({
  data: {
    record_type: "event",
    event_type: "call.hangup",
    id: "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
    occurred_at: "2026-03-02T22:25:27.521992Z",
    payload: {
      call_control_id: "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
      call_leg_id: "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
      call_session_id: "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
      connection_id: "7267xxxxxxxxxxxxxx",
      from: "+35319605860",
      to: "+13129457420",
      start_time: "2026-03-02T22:20:27.521992Z",
      hangup_cause: "normal_clearing",
      hangup_source: "caller",
      sip_hangup_cause: "200",
    },
  },
  meta: { attempt: 1, delivered_to: "https://calls.example.com/v1/carriers/telnyx/status" },
});

const TEXML_FORM = new URLSearchParams({
  AccountSid: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
  CallSid: "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ",
  CallStatus: "completed",
  From: "+35319605860",
  To: "+13129457420",
  CallerId: "José Pérez",
}).toString();

const nowS = () => Math.floor(Date.now() / 1000);

describe("telnyx signature, checked against the telnyx library", () => {
  it("the library accepts our signed JSON payload, and so do we", async () => {
    const req = signed(HANGUP, String(nowS()));
    const client = new Telnyx({ apiKey: "KEY_test", publicKey });
    const event = await client.webhooks.unwrap(HANGUP, { headers: req.headers });
    expect(event).toMatchObject({ data: { event_type: "call.hangup" } });
    expect(await telnyx.verify(req, secret, Date.now())).toEqual({ ok: true });
  });

  it("the library accepts a signed TeXML form body, and so do we (bytes or text)", async () => {
    const ts = String(nowS());
    const req = signed(TEXML_FORM, ts, "application/x-www-form-urlencoded");
    await expect(
      new TelnyxWebhook(publicKey).verify(TEXML_FORM, req.headers),
    ).resolves.toBeUndefined();
    expect(await telnyx.verify(req, secret, Date.now())).toEqual({ ok: true });
    const bytes = signed(
      new TextEncoder().encode(TEXML_FORM),
      ts,
      "application/x-www-form-urlencoded",
    );
    expect(await telnyx.verify(bytes, secret, Date.now())).toEqual({ ok: true });
  });

  it("rejects every changed byte of the body, as the library does", async () => {
    const ts = String(nowS());
    const { headers } = signed(HANGUP, ts);
    const library = new TelnyxWebhook(publicKey);
    for (let i = 0; i < HANGUP.length; i++) {
      const changed = HANGUP.slice(0, i) + (HANGUP[i] === "x" ? "y" : "x") + HANGUP.slice(i + 1);
      const req: SignedRequest = {
        url: "https://x",
        contentType: "application/json",
        rawBody: changed,
        headers,
      };
      expect(await telnyx.verify(req, secret, Date.now()), `byte ${i}`).toMatchObject({
        code: "bad_signature",
      });
      if (i % 50 === 0) await expect(library.verify(changed, headers)).rejects.toThrow();
    }
  });

  it("rejects a changed timestamp, another key and missing headers", async () => {
    const ts = nowS();
    const req = signed(HANGUP, String(ts));
    const moved = { ...req, headers: { ...req.headers, "telnyx-timestamp": String(ts + 1) } };
    expect(await telnyx.verify(moved, secret, Date.now())).toMatchObject({ code: "bad_signature" });
    await expect(new TelnyxWebhook(publicKey).verify(HANGUP, moved.headers)).rejects.toThrow();

    const other = { carrier: "telnyx", publicKey: keyPair().publicKey } as const;
    expect(await telnyx.verify(req, other, Date.now())).toMatchObject({ code: "bad_signature" });

    for (const header of ["telnyx-signature-ed25519", "telnyx-timestamp"]) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== header));
      expect(await telnyx.verify({ ...req, headers }, secret, Date.now())).toMatchObject({
        code: "missing_signature",
      });
    }
  });

  it("refuses stale and far-future timestamps even when correctly signed", async () => {
    const now = Date.now();
    const at = (offsetS: number) => signed(HANGUP, String(Math.floor(now / 1000) + offsetS));
    for (const offset of [-301, -3600, 301, 86400]) {
      const req = at(offset);
      expect(await telnyx.verify(req, secret, now), `offset ${offset}`).toMatchObject({
        ok: false,
        code: "stale_timestamp",
      });
      await expect(new TelnyxWebhook(publicKey).verify(HANGUP, req.headers)).rejects.toThrow(
        /too old or too new/,
      );
    }
    for (const offset of [-299, 0, 299]) {
      expect(await telnyx.verify(at(offset), secret, now), `offset ${offset}`).toEqual({
        ok: true,
      });
    }
  });

  it("takes the tolerance as an option and the clock as an argument", async () => {
    const strict = createTelnyxAdapter({ toleranceS: 10 });
    const req = signed(HANGUP, "1700000000");
    expect(await strict.verify(req, secret, 1_700_000_009_000)).toEqual({ ok: true });
    expect(await strict.verify(req, secret, 1_700_000_011_000)).toMatchObject({
      code: "stale_timestamp",
    });
  });

  it("rejects malformed headers and unusable keys with distinct codes", async () => {
    const req = signed(HANGUP, String(nowS()));
    const bad = (headers: Record<string, string>) =>
      telnyx.verify({ ...req, headers: { ...req.headers, ...headers } }, secret, Date.now());
    expect(await bad({ "telnyx-timestamp": "12.5" })).toMatchObject({ code: "bad_signature" });
    expect(await bad({ "telnyx-signature-ed25519": "c2hvcnQ=" })).toMatchObject({
      code: "bad_signature",
    });
    expect(await bad({ "telnyx-signature-ed25519": "***" })).toMatchObject({
      code: "bad_signature",
    });
    const short = { carrier: "telnyx", publicKey: "c2hvcnQ=" } as const;
    expect(await telnyx.verify(req, short, Date.now())).toMatchObject({ code: "invalid_secret" });
    const twilioSecret = { carrier: "twilio", authToken: "x" } as const;
    expect(await telnyx.verify(req, twilioSecret, Date.now())).toMatchObject({
      code: "invalid_secret",
    });
  });
});
