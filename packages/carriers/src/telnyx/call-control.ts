import type { Identity, ParseResult } from "../adapter";
import type { CallEvent, CallStatus } from "../call-event";
import { normalizeCaller } from "../caller-id";
import { defined } from "../defined";
import { direction as directionOf, isoTime } from "../twiml/fields";

/**
 * Telnyx Call Control (Voice API v2) sends JSON events:
 * `{"data":{"event_type":"call.hangup","occurred_at":"…","payload":{…}},"meta":{…}}`.
 * Events not listed here (call.bridged, call.speak.ended, …) parse to no events.
 */
export function parseCallControl(body: unknown): ParseResult {
  const data = object(object(body)?.data);
  const eventType = text(data?.event_type);
  const payload = object(data?.payload);
  if (!data || !eventType || !payload) {
    return {
      ok: false,
      code: "malformed_body",
      message: "expected data.event_type and data.payload",
    };
  }
  // call_leg_id is the one id on every call event; call.recording.saved has no call_control_id.
  const carrierCallId = text(payload.call_leg_id);
  if (!carrierCallId) {
    return { ok: false, code: "missing_field", message: "data.payload.call_leg_id is missing" };
  }
  const direction = directionOf(text(payload.direction));
  const callerName = text(payload.caller_id_name);
  const base = {
    carrier: "telnyx" as const,
    carrierCallId,
    ...defined({
      from: "from" in payload ? normalizeCaller(text(payload.from)) : undefined,
      to: text(payload.to),
      direction,
      at: isoTime(text(data.occurred_at)),
      caller: callerName ? { name: callerName } : undefined,
    }),
    raw: body as Record<string, unknown>,
  };

  switch (eventType) {
    case "call.initiated": {
      // Only an incoming leg is a new tracked call; outgoing legs are the forwards we placed.
      if (direction === "outbound") return events({ ...base, kind: "status", status: "queued" });
      if (!base.to)
        return { ok: false, code: "missing_field", message: "data.payload.to is missing" };
      const from = base.from ?? normalizeCaller(undefined);
      return events({ ...base, kind: "call_started", from, to: base.to, status: "ringing" });
    }
    case "call.answered":
      return events({ ...base, kind: "status", status: "in_progress" });
    case "call.hangup": {
      const cause = text(payload.hangup_cause);
      return events({
        ...base,
        kind: "status",
        status: HANGUP_STATUS[cause ?? ""] ?? "completed",
        ...defined({ hangupCause: cause }),
      });
    }
    case "call.recording.saved": {
      const urls = object(payload.recording_urls) ?? object(payload.public_recording_urls);
      const recordingUrl = text(urls?.mp3) ?? text(urls?.wav);
      if (!recordingUrl) return events();
      return events({
        ...base,
        kind: "recording",
        recordingUrl,
        ...defined({
          recordingDurationS: seconds(payload.recording_started_at, payload.recording_ended_at),
        }),
      });
    }
    case "call.recording.transcription.saved": {
      const transcript = text(payload.transcription_text);
      if (!transcript) return events();
      return events({
        ...base,
        kind: "transcription",
        transcript,
        ...defined({ recordingId: text(payload.recording_id) }),
      });
    }
    default:
      return events();
  }
}

/** Read the ids before verification; see `CarrierAdapter.identify`. */
export function identifyCallControl(body: unknown): Identity | null {
  const payload = object(object(object(body)?.data)?.payload);
  const carrierCallId = text(payload?.call_leg_id);
  if (!carrierCallId) return null;
  return { carrierCallId, ...defined({ to: text(payload?.to) }) };
}

/**
 * Call Control has no call status field, only a hangup cause. "unspecified" and time limits
 * still end a call that may have been answered, so they count as completed.
 */
const HANGUP_STATUS: Readonly<Record<string, CallStatus>> = {
  normal_clearing: "completed",
  time_limit: "completed",
  unspecified: "completed",
  originator_cancel: "canceled",
  user_busy: "busy",
  timeout: "no_answer",
  no_answer: "no_answer",
  call_rejected: "failed",
  not_found: "failed",
};

function events(...list: CallEvent[]): ParseResult {
  return { ok: true, events: list };
}

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function seconds(start: unknown, end: unknown): number | undefined {
  const from = Date.parse(text(start) ?? "");
  const to = Date.parse(text(end) ?? "");
  return Number.isNaN(from) || Number.isNaN(to) || to < from
    ? undefined
    : Math.round((to - from) / 1000);
}
