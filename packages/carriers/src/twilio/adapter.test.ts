import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../adapter";
import { createTwilioAdapter } from "./adapter";

const twilio = createTwilioAdapter();
const BASE = "https://calls.example.com/v1/carriers/twilio";
const ACCOUNT = "ACba8bc05eacf94afdae398e642c9cc32d";
const CALL = "CA136d09cd59a3c0ec8dbff44da5c03f31";

function post(hook: "voice" | "status", params: Record<string, string>): SignedRequest {
  return {
    url: `${BASE}/${hook}`,
    headers: {},
    contentType: "application/x-www-form-urlencoded; charset=utf-8",
    rawBody: new URLSearchParams(params).toString(),
  };
}

/** Inbound voice request as Twilio sends it (twilio-ruby's captured request, plus CallToken). */
const VOICE = {
  AccountSid: ACCOUNT,
  ApiVersion: "2010-04-01",
  ApplicationSid: "AP44efecad51364e80b133bb7c07eb8204",
  CallSid: CALL,
  CallStatus: "ringing",
  Called: "+14157669926",
  CalledCity: "",
  CalledCountry: "US",
  CalledState: "California",
  CalledZip: "",
  Caller: "+14153595711",
  CallerCity: "SAN FRANCISCO",
  CallerCountry: "US",
  CallerState: "CA",
  CallerZip: "94108",
  Direction: "inbound",
  From: "+14153595711",
  FromCity: "SAN FRANCISCO",
  FromCountry: "US",
  FromState: "CA",
  FromZip: "94108",
  To: "+14157669926",
  ToCity: "",
  ToCountry: "US",
  ToState: "California",
  ToZip: "",
};

describe("twilio voice webhook", () => {
  it("becomes call_started with caller geography", () => {
    const result = twilio.parse(post("voice", VOICE), "voice");
    expect(result).toEqual({
      ok: true,
      events: [
        {
          carrier: "twilio",
          kind: "call_started",
          carrierCallId: CALL,
          accountId: ACCOUNT,
          from: "+14153595711",
          to: "+14157669926",
          direction: "inbound",
          status: "ringing",
          caller: { city: "SAN FRANCISCO", state: "CA", zip: "94108", country: "US" },
          raw: VOICE,
        },
      ],
    });
  });

  it.each(["anonymous", "ANONYMOUS", "+266696687", "Restricted", ""])(
    "normalizes a withheld caller %j and drops blank geography",
    (from) => {
      const params = {
        ...VOICE,
        From: from,
        Caller: from,
        FromCity: "",
        FromState: "",
        FromZip: "",
        FromCountry: "",
      };
      const result = twilio.parse(post("voice", params), "voice");
      expect(result.ok && result.events[0]).toMatchObject({
        kind: "call_started",
        from: "anonymous",
      });
      expect(result.ok && result.events[0]?.caller).toBeUndefined();
    },
  );

  it("reads CNAM and the line type from a lookup add-on", () => {
    const addOns = JSON.stringify({
      status: "successful",
      message: null,
      code: null,
      results: {
        twilio_carrier_info: {
          request_sid: "XRd3a2991c9108bde3ca9589ed84d31463",
          status: "successful",
          result: {
            phone_number: "+14153595711",
            carrier: {
              mobile_country_code: "310",
              mobile_network_code: "456",
              name: "Sprint",
              type: "mobile",
              error_code: null,
            },
          },
        },
      },
    });
    const result = twilio.parse(
      post("voice", { ...VOICE, CallerName: "SMITH JOHN", AddOns: addOns }),
      "voice",
    );
    expect(result.ok && result.events[0]?.caller).toEqual({
      city: "SAN FRANCISCO",
      state: "CA",
      zip: "94108",
      country: "US",
      name: "SMITH JOHN",
      lineType: "mobile",
    });
  });

  it("reads the fields from the query of a GET-configured webhook", () => {
    const query = new URLSearchParams({ CallSid: CALL, From: "+14153595711", To: "+14157669926" });
    const req: SignedRequest = {
      url: `${BASE}/voice?${query}`,
      headers: {},
      contentType: "",
      rawBody: "",
    };
    expect(twilio.parse(req, "voice")).toMatchObject({
      ok: true,
      events: [{ kind: "call_started", from: "+14153595711", to: "+14157669926" }],
    });
  });

  it("refuses a request without CallSid or To, and JSON bodies", () => {
    const { CallSid: _, ...noSid } = VOICE;
    expect(twilio.parse(post("voice", noSid), "voice")).toMatchObject({
      ok: false,
      code: "missing_field",
    });
    const { To: __, ...noTo } = VOICE;
    expect(twilio.parse(post("voice", noTo), "voice")).toMatchObject({
      ok: false,
      code: "missing_field",
    });
    const json: SignedRequest = {
      url: `${BASE}/voice`,
      headers: {},
      contentType: "application/json",
      rawBody: "{}",
    };
    expect(twilio.parse(json, "voice")).toMatchObject({
      ok: false,
      code: "unsupported_content_type",
    });
  });
});

describe("twilio status callbacks", () => {
  it("final call-progress event: status, duration, time and sequence", () => {
    const params = {
      AccountSid: ACCOUNT,
      ApiVersion: "2010-04-01",
      CallSid: CALL,
      CallStatus: "completed",
      CallDuration: "95",
      Duration: "2",
      CallbackSource: "call-progress-events",
      Direction: "inbound",
      From: "+14153595711",
      To: "+14157669926",
      SequenceNumber: "3",
      SipResponseCode: "200",
      Timestamp: "Sun, 25 Mar 2018 09:53:19 +0000",
    };
    expect(twilio.parse(post("status", params), "status")).toEqual({
      ok: true,
      events: [
        {
          carrier: "twilio",
          kind: "status",
          carrierCallId: CALL,
          accountId: ACCOUNT,
          sequence: 3,
          from: "+14153595711",
          to: "+14157669926",
          direction: "inbound",
          status: "completed",
          at: "2018-03-25T09:53:19.000Z",
          durationS: 95,
          raw: params,
        },
      ],
    });
  });

  it.each([
    ["no-answer", "no_answer"],
    ["busy", "busy"],
    ["failed", "failed"],
    ["canceled", "canceled"],
    ["in-progress", "in_progress"],
    ["initiated", "queued"],
  ])("maps CallStatus %s to %s", (sent, status) => {
    const result = twilio.parse(post("status", { CallSid: CALL, CallStatus: sent }), "status");
    expect(result).toMatchObject({ ok: true, events: [{ kind: "status", status }] });
  });

  it("dial action: the advertiser's leg, talk time and the recording", () => {
    const params = {
      AccountSid: ACCOUNT,
      CallSid: CALL,
      CallStatus: "in-progress",
      Direction: "inbound",
      From: "+14153595711",
      To: "+14157669926",
      DialBridged: "true",
      DialCallDuration: "87",
      DialCallSid: "CAa5c8e6b7d4f1a2b3c4d5e6f7a8b9c0d1",
      DialCallStatus: "completed",
      RecordingDuration: "86",
      RecordingSid: "RE557ce644e5ab84fa21cc21112e22c485",
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE557ce644e5ab84fa21cc21112e22c485`,
    };
    const result = twilio.parse(post("status", params), "status");
    expect(result).toMatchObject({
      ok: true,
      events: [
        {
          kind: "dial_ended",
          status: "in_progress",
          dialStatus: "completed",
          dialCallId: "CAa5c8e6b7d4f1a2b3c4d5e6f7a8b9c0d1",
          talkS: 87,
        },
        {
          kind: "recording",
          recordingId: "RE557ce644e5ab84fa21cc21112e22c485",
          recordingUrl: params.RecordingUrl,
          recordingDurationS: 86,
        },
      ],
    });
  });

  it("dial action when nobody answered", () => {
    const params = {
      CallSid: CALL,
      CallStatus: "in-progress",
      DialCallStatus: "no-answer",
      DialCallSid: "CA2",
    };
    const result = twilio.parse(post("status", params), "status");
    expect(result).toMatchObject({
      ok: true,
      events: [{ kind: "dial_ended", dialStatus: "no_answer" }],
    });
    expect(result.ok && result.events).toHaveLength(1);
  });

  it("recording status callback carries no From/To", () => {
    const params = {
      AccountSid: ACCOUNT,
      CallSid: CALL,
      ErrorCode: "0",
      RecordingChannels: "2",
      RecordingDuration: "86",
      RecordingSid: "RE557ce644e5ab84fa21cc21112e22c485",
      RecordingSource: "DialVerb",
      RecordingStartTime: "Sun, 25 Mar 2018 09:51:53 +0000",
      RecordingStatus: "completed",
      RecordingTrack: "both",
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE557ce644e5ab84fa21cc21112e22c485`,
    };
    const result = twilio.parse(post("status", params), "status");
    expect(result).toEqual({
      ok: true,
      events: [
        {
          carrier: "twilio",
          kind: "recording",
          carrierCallId: CALL,
          accountId: ACCOUNT,
          recordingId: params.RecordingSid,
          recordingUrl: params.RecordingUrl,
          recordingDurationS: 86,
          raw: params,
        },
      ],
    });
    expect(twilio.identify(post("status", params))).toEqual({
      carrierCallId: CALL,
      accountId: ACCOUNT,
    });
  });

  it("acknowledges in-progress and absent recordings with no events", () => {
    for (const RecordingStatus of ["in-progress", "absent"]) {
      const params = {
        CallSid: CALL,
        RecordingSid: "RE1",
        RecordingStatus,
        RecordingUrl: "https://x/RE1",
      };
      expect(twilio.parse(post("status", params), "status")).toEqual({ ok: true, events: [] });
    }
  });

  it("transcription callback", () => {
    const params = {
      AccountSid: ACCOUNT,
      CallSid: CALL,
      From: "+14153595711",
      To: "+14157669926",
      RecordingSid: "RE557ce644e5ab84fa21cc21112e22c485",
      RecordingUrl:
        "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE557ce644e5ab84fa21cc21112e22c485",
      TranscriptionSid: "TR8c61027b709ffb038236612dc5af8723",
      TranscriptionStatus: "completed",
      TranscriptionText: "Hi, I'd like to book a cleaning for Tuesday.",
      TranscriptionUrl:
        "https://api.twilio.com/2010-04-01/Accounts/AC1/Transcriptions/TR8c61027b709ffb038236612dc5af8723",
    };
    expect(twilio.parse(post("status", params), "status")).toMatchObject({
      ok: true,
      events: [
        {
          kind: "transcription",
          transcript: "Hi, I'd like to book a cleaning for Tuesday.",
          recordingId: "RE557ce644e5ab84fa21cc21112e22c485",
        },
      ],
    });
    const failed = { ...params, TranscriptionStatus: "failed", TranscriptionText: "" };
    expect(twilio.parse(post("status", failed), "status")).toEqual({ ok: true, events: [] });
  });

  it("real-time transcription: only final results, with confidence", () => {
    const data = JSON.stringify({ transcript: "I need a quote", confidence: 0.91 });
    const final = {
      CallSid: CALL,
      TranscriptionEvent: "transcription-content",
      TranscriptionData: data,
      Final: "true",
    };
    expect(twilio.parse(post("status", final), "status")).toMatchObject({
      ok: true,
      events: [{ kind: "transcription", transcript: "I need a quote", transcriptConfidence: 0.91 }],
    });
    expect(twilio.parse(post("status", { ...final, Final: "false" }), "status")).toEqual({
      ok: true,
      events: [],
    });
  });

  it("refuses a callback that says nothing about the call", () => {
    expect(twilio.parse(post("status", { CallSid: CALL }), "status")).toMatchObject({
      ok: false,
      code: "missing_field",
    });
  });
});

describe("twilio identify", () => {
  it("reads the dialed number and ids without verifying", () => {
    expect(twilio.identify(post("voice", VOICE))).toEqual({
      carrierCallId: CALL,
      to: "+14157669926",
      accountId: ACCOUNT,
    });
    expect(twilio.identify(post("voice", { From: "+1" }))).toBeNull();
    expect(
      twilio.identify({ url: BASE, headers: {}, contentType: "application/json", rawBody: "{}" }),
    ).toBeNull();
  });
});
