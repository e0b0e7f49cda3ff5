import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../adapter";
import { createTelnyxAdapter } from "./adapter";

const telnyx = createTelnyxAdapter();
const URL_BASE = "https://calls.example.com/v1/carriers/telnyx";
const LEG = "428c31b6-7af4-4bcb-b7f5-5013ef9657c1";

function json(body: unknown): SignedRequest {
  return {
    url: `${URL_BASE}/status`,
    headers: {},
    contentType: "application/json",
    rawBody: JSON.stringify(body),
  };
}

function event(eventType: string, payload: Record<string, unknown>) {
  return {
    data: {
      record_type: "event",
      event_type: eventType,
      id: "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
      occurred_at: "2026-03-02T22:25:27.521992Z",
      payload: {
        call_leg_id: LEG,
        call_session_id: "428d4f5c-7af4-4bcb-b7f5-5013ef9657c1",
        connection_id: "7267xxxxxxxxxxxxxx",
        ...payload,
      },
    },
    meta: { attempt: 1, delivered_to: `${URL_BASE}/status` },
  };
}

const CALL_PARTIES = {
  call_control_id: "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
  from: "+35319605860",
  to: "+13129457420",
  start_time: "2026-03-02T22:25:20.000000Z",
};

describe("telnyx Call Control events", () => {
  it("call.initiated (incoming) starts a call", () => {
    const body = event("call.initiated", {
      ...CALL_PARTIES,
      direction: "incoming",
      state: "parked",
      caller_id_name: "JOHN DOE",
      shaken_stir_attestation: "A",
      shaken_stir_validated: true,
    });
    expect(telnyx.parse(json(body), "voice")).toEqual({
      ok: true,
      events: [
        {
          carrier: "telnyx",
          kind: "call_started",
          carrierCallId: LEG,
          from: "+35319605860",
          to: "+13129457420",
          direction: "inbound",
          status: "ringing",
          at: "2026-03-02T22:25:27.521Z",
          caller: { name: "JOHN DOE" },
          raw: body,
        },
      ],
    });
    expect(telnyx.identify(json(body))).toEqual({ carrierCallId: LEG, to: "+13129457420" });
  });

  it("an anonymous caller", () => {
    const body = event("call.initiated", {
      ...CALL_PARTIES,
      from: "Anonymous",
      direction: "incoming",
    });
    expect(telnyx.parse(json(body), "voice")).toMatchObject({
      ok: true,
      events: [{ from: "anonymous" }],
    });
  });

  it("call.initiated (outgoing) is only a status of the forwarded leg", () => {
    const body = event("call.initiated", {
      ...CALL_PARTIES,
      direction: "outgoing",
      state: "bridging",
    });
    expect(telnyx.parse(json(body), "status")).toMatchObject({
      ok: true,
      events: [{ kind: "status", status: "queued", direction: "outbound" }],
    });
  });

  it("call.answered and call.hangup", () => {
    expect(
      telnyx.parse(json(event("call.answered", { ...CALL_PARTIES, state: "answered" })), "status"),
    ).toMatchObject({
      ok: true,
      events: [{ kind: "status", status: "in_progress", carrierCallId: LEG }],
    });
    const causes = [
      ["normal_clearing", "completed"],
      ["originator_cancel", "canceled"],
      ["user_busy", "busy"],
      ["timeout", "no_answer"],
      ["no_answer", "no_answer"],
      ["call_rejected", "failed"],
      ["not_found", "failed"],
      ["unspecified", "completed"],
    ];
    for (const [cause, status] of causes) {
      const body = event("call.hangup", {
        ...CALL_PARTIES,
        hangup_cause: cause,
        hangup_source: "caller",
      });
      expect(telnyx.parse(json(body), "status")).toMatchObject({
        ok: true,
        events: [{ kind: "status", status, hangupCause: cause, at: "2026-03-02T22:25:27.521Z" }],
      });
    }
  });

  it("call.recording.saved: URL and duration, no call_control_id needed", () => {
    const body = event("call.recording.saved", {
      channels: "dual",
      recording_started_at: "2026-03-02T22:20:27.521992Z",
      recording_ended_at: "2026-03-02T22:21:58.021992Z",
      recording_urls: {
        mp3: "https://s3.example.com/rec.mp3?sig=1",
        wav: "https://s3.example.com/rec.wav?sig=1",
      },
      public_recording_urls: { mp3: null, wav: null },
    });
    expect(telnyx.parse(json(body), "status")).toMatchObject({
      ok: true,
      events: [
        {
          kind: "recording",
          carrierCallId: LEG,
          recordingUrl: "https://s3.example.com/rec.mp3?sig=1",
          recordingDurationS: 91,
        },
      ],
    });
    expect(telnyx.identify(json(body))).toEqual({ carrierCallId: LEG });
  });

  it("call.recording.transcription.saved", () => {
    const body = event("call.recording.transcription.saved", {
      call_control_id: CALL_PARTIES.call_control_id,
      calling_party_type: "pstn",
      recording_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      recording_transcription_id: "7d743d69-f7e8-4761-b7d4-8cacf9d3c031",
      status: "completed",
      transcription_text: "Hello, do you deliver on Sundays?",
    });
    expect(telnyx.parse(json(body), "status")).toMatchObject({
      ok: true,
      events: [
        {
          kind: "transcription",
          transcript: "Hello, do you deliver on Sundays?",
          recordingId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        },
      ],
    });
  });

  it("other events parse to nothing; broken bodies are refused", () => {
    expect(telnyx.parse(json(event("call.bridged", CALL_PARTIES)), "status")).toEqual({
      ok: true,
      events: [],
    });
    expect(telnyx.parse(json({ data: {} }), "status")).toMatchObject({
      ok: false,
      code: "malformed_body",
    });
    const noLeg = { data: { event_type: "call.answered", payload: { to: "+1" } } };
    expect(telnyx.parse(json(noLeg), "status")).toMatchObject({ ok: false, code: "missing_field" });
    const bad: SignedRequest = { ...json({}), rawBody: "{not json" };
    expect(telnyx.parse(bad, "status")).toMatchObject({ ok: false, code: "malformed_body" });
    expect(telnyx.identify(bad)).toBeNull();
  });
});

describe("telnyx TeXML callbacks", () => {
  const form = (params: Record<string, string>): SignedRequest => ({
    url: `${URL_BASE}/voice`,
    headers: {},
    contentType: "application/x-www-form-urlencoded",
    rawBody: new URLSearchParams(params).toString(),
  });
  const SID = "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ";

  it("instruction fetch starts a call; CallerId is the display name", () => {
    const params = {
      AccountSid: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
      CallSid: SID,
      CallSidLegacy: SID,
      CallStatus: "ringing",
      ConnectionId: "1234567890",
      Direction: "inbound",
      From: "+35319605860",
      To: "+13129457420",
      CallerId: "John Doe",
    };
    expect(telnyx.parse(form(params), "voice")).toMatchObject({
      ok: true,
      events: [
        {
          carrier: "telnyx",
          kind: "call_started",
          carrierCallId: SID,
          accountId: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
          from: "+35319605860",
          to: "+13129457420",
          caller: { name: "John Doe" },
        },
      ],
    });
    expect(telnyx.identify(form(params))).toEqual({
      carrierCallId: SID,
      to: "+13129457420",
      accountId: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
    });
  });

  it("completed callback with the dial outcome (docs example)", () => {
    const params = {
      AccountSid: "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
      CallSid: SID,
      CallStatus: "completed",
      CallbackSource: "call-progress-events",
      From: "+35319605860",
      SequenceNumber: "3",
      Timestamp: "2021-04-28 21:51:18.731479Z",
      To: "+13129457420",
      CallDuration: "45",
      DialCallDuration: "120",
      DialCallSid: "v3:dial-leg",
      DialCallStatus: "completed",
      HangupCause: "normal_clearing",
      HangupSource: "caller",
    };
    expect(telnyx.parse(form(params), "status")).toMatchObject({
      ok: true,
      events: [
        {
          kind: "dial_ended",
          status: "completed",
          dialStatus: "completed",
          talkS: 120,
          durationS: 45,
          sequence: 3,
          at: "2021-04-28T21:51:18.731Z",
          hangupCause: "normal_clearing",
        },
      ],
    });
  });

  it("recording completed callback (docs example)", () => {
    const params = {
      AccountSid: "cb6cfbbc-eb00-41af-a3f3-0d7b32009e4b",
      CallSid: "v2:qiaymU9Ij90xJRRkYGWHOIx_41EVJPrzlny2zC67hwL1wVIUnnMrqQ",
      RecordingChannels: "1",
      RecordingDuration: "5",
      RecordingSid: "35094891-3290-4142-b2c2-b2eda57534cf",
      RecordingSource: "DialVerb",
      RecordingStatus: "completed",
      RecordingUrl: "https://recording.com/your-recording-url",
    };
    expect(telnyx.parse(form(params), "status")).toMatchObject({
      ok: true,
      events: [
        {
          kind: "recording",
          recordingId: "35094891-3290-4142-b2c2-b2eda57534cf",
          recordingUrl: "https://recording.com/your-recording-url",
          recordingDurationS: 5,
        },
      ],
    });
  });
});
