import type { Hook, Identity, ParseResult, SignedRequest } from "../adapter";
import type { CallEvent, CallerInfo, CarrierName, RecordingEvent } from "../call-event";
import { normalizeCaller } from "../caller-id";
import { defined } from "../defined";
import { type FormParams, field, formRecord, isJson, requestFields } from "../form-params";
import { callStatus, dialStatus, direction, isoTime, wholeNumber } from "./fields";

/** What differs between the carriers that speak the TwiML callback dialect. */
export interface CallbackDialect {
  carrier: CarrierName;
  /** Caller details beyond the number; each carrier names them differently. */
  callerInfo(params: FormParams): CallerInfo | undefined;
}

/** Read the ids before verification; see `CarrierAdapter.identify`. */
export function identifyFormRequest(req: SignedRequest): Identity | null {
  if (isJson(req.contentType)) return null;
  const params = requestFields(req);
  const carrierCallId = field(params, "CallSid");
  if (!carrierCallId) return null;
  return {
    carrierCallId,
    ...defined({ to: field(params, "To"), accountId: field(params, "AccountSid") }),
  };
}

/** Voice webhooks of the TwiML family are forms; a JSON body belongs to another product. */
export function parseFormRequest(
  req: SignedRequest,
  hook: Hook,
  dialect: CallbackDialect,
): ParseResult {
  if (isJson(req.contentType)) {
    return { ok: false, code: "unsupported_content_type", message: "expected a form body" };
  }
  return parseCallback(requestFields(req), hook, dialect);
}

/**
 * Turn a TwiML-dialect webhook (voice request, status callback, `<Dial action>`, recording or
 * transcription callback) into events. The endpoint tells a new call from the rest; among
 * status callbacks the fields present tell which kind it is, because a number's callbacks may
 * all be pointed at the one status endpoint.
 */
export function parseCallback(
  params: FormParams,
  hook: Hook,
  dialect: CallbackDialect,
): ParseResult {
  const carrierCallId = field(params, "CallSid");
  if (!carrierCallId) return { ok: false, code: "missing_field", message: "CallSid is missing" };
  const base = commonFields(params, carrierCallId, dialect);

  if (hook === "voice") {
    const to = field(params, "To");
    if (!to) return { ok: false, code: "missing_field", message: "To is missing" };
    // A withheld caller may arrive as an empty or missing From.
    const from = normalizeCaller(params.get("From")?.[0]);
    return { ok: true, events: [{ ...base, kind: "call_started", from, to }] };
  }

  const recording = recordingEvent(params, base);
  if (params.has("TranscriptionText") || params.has("TranscriptionData")) {
    return { ok: true, events: transcriptionEvents(params, base) };
  }
  if (params.has("DialCallStatus")) {
    const status = dialStatus(field(params, "DialCallStatus"));
    if (!status) {
      return { ok: false, code: "malformed_body", message: "unknown DialCallStatus" };
    }
    const dial: CallEvent = {
      ...base,
      kind: "dial_ended",
      dialStatus: status,
      ...defined({
        dialCallId: field(params, "DialCallSid"),
        talkS: wholeNumber(field(params, "DialCallDuration")),
      }),
    };
    return { ok: true, events: recording ? [dial, recording] : [dial] };
  }
  if (params.has("RecordingStatus")) {
    // in-progress / absent / failed callbacks have nothing to store.
    const done = field(params, "RecordingStatus")?.toLowerCase() === "completed";
    return { ok: true, events: done && recording ? [recording] : [] };
  }
  const status = base.status;
  if (status) {
    const event: CallEvent = { ...base, kind: "status", status };
    return { ok: true, events: recording ? [event, recording] : [event] };
  }
  if (recording) return { ok: true, events: [recording] };
  return { ok: false, code: "missing_field", message: "no CallStatus, recording or transcript" };
}

type Base = Omit<CallEvent, "kind">;

function commonFields(params: FormParams, carrierCallId: string, dialect: CallbackDialect): Base {
  const from = params.has("From") ? normalizeCaller(params.get("From")?.[0]) : undefined;
  const optional = {
    parentCallId: field(params, "ParentCallSid"),
    accountId: field(params, "AccountSid"),
    sequence: wholeNumber(field(params, "SequenceNumber")),
    from,
    to: field(params, "To"),
    direction: direction(field(params, "Direction")),
    status: callStatus(field(params, "CallStatus")),
    at: isoTime(field(params, "Timestamp")),
    durationS: wholeNumber(field(params, "CallDuration")),
    caller: dialect.callerInfo(params),
    hangupCause: field(params, "HangupCause"),
  };
  return { carrier: dialect.carrier, carrierCallId, ...defined(optional), raw: formRecord(params) };
}

function recordingEvent(params: FormParams, base: Base): RecordingEvent | null {
  const recordingUrl = field(params, "RecordingUrl");
  if (!recordingUrl) return null;
  return {
    ...base,
    kind: "recording",
    recordingUrl,
    ...defined({
      recordingId: field(params, "RecordingSid"),
      recordingDurationS: wholeNumber(field(params, "RecordingDuration")),
    }),
  };
}

/**
 * `<Record transcribe>` posts `TranscriptionText` (status completed|failed); real-time
 * `<Start><Transcription>` posts `TranscriptionData` JSON ({transcript, confidence}) with
 * `Final`, and only final results are worth storing.
 */
function transcriptionEvents(params: FormParams, base: Base): CallEvent[] {
  const common = {
    ...base,
    kind: "transcription" as const,
    ...defined({ recordingId: field(params, "RecordingSid") }),
  };
  const text = field(params, "TranscriptionText");
  if (text !== undefined) {
    if (field(params, "TranscriptionStatus")?.toLowerCase() === "failed") return [];
    return [{ ...common, transcript: text }];
  }
  if (field(params, "Final")?.toLowerCase() !== "true") return [];
  const data = safeJson(field(params, "TranscriptionData"));
  if (typeof data?.transcript !== "string" || data.transcript.trim() === "") return [];
  const confidence = typeof data.confidence === "number" ? data.confidence : undefined;
  return [
    {
      ...common,
      transcript: data.transcript.trim(),
      ...defined({ transcriptConfidence: confidence }),
    },
  ];
}

function safeJson(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
