/** Carriers with an adapter in this package. */
export type CarrierName = "twilio" | "telnyx" | "signalwire";

/**
 * Where a call stands, in one vocabulary for every carrier. The first three are live
 * states; the other five are terminal.
 */
export type CallStatus =
  | "queued"
  | "ringing"
  | "in_progress"
  | "completed"
  | "busy"
  | "no_answer"
  | "failed"
  | "canceled";

export type CallEventKind =
  | "call_started"
  | "status"
  | "recording"
  | "transcription"
  | "dial_ended";

/**
 * What the carrier says about the caller. Only Twilio sends geography (best effort, often
 * blank, rate-centre based rather than the caller's location); empty values are dropped.
 */
export interface CallerInfo {
  city?: string;
  /** Twilio sends a 2-letter code for callers ("CA"). */
  state?: string;
  zip?: string;
  /** ISO 3166-1 alpha-2 as sent by Twilio ("US"). */
  country?: string;
  /** CNAM (Twilio `CallerName`) or the SIP display name (Telnyx `CallerId`/`caller_id_name`). */
  name?: string;
  /** "mobile" | "landline" | "voip" …, only when a Twilio lookup add-on ran. */
  lineType?: string;
}

/**
 * Fields every event may carry. The server upserts the call by (carrier, carrierCallId) and
 * applies whatever is present; ordering and idempotency are its job.
 */
interface CallEventBase {
  carrier: CarrierName;
  /**
   * The carrier's id for the inbound leg: Twilio/SignalWire `CallSid`, Telnyx TeXML `CallSid`
   * (the call_control_id), Telnyx Call Control `call_leg_id` (the only id on every event).
   */
  carrierCallId: string;
  /** Set on child legs (`ParentCallSid`). */
  parentCallId?: string;
  /** Carrier account the webhook belongs to (Twilio `AccountSid`, Telnyx `connection_id`). */
  accountId?: string;
  /** Per-call order of status callbacks (`SequenceNumber`), for the server's dedupe. */
  sequence?: number;
  /** E.164, "anonymous" for withheld callers, or whatever non-PSTN address the carrier sent. */
  from?: string;
  to?: string;
  direction?: "inbound" | "outbound";
  status?: CallStatus;
  /** When the carrier says it happened, ISO 8601 UTC. Absent on voice requests. */
  at?: string;
  /** Length of the whole call in seconds (`CallDuration`). */
  durationS?: number;
  caller?: CallerInfo;
  recordingUrl?: string;
  recordingId?: string;
  recordingDurationS?: number;
  /** Carrier hangup cause (Telnyx `hangup_cause` / `HangupCause`), kept for diagnostics. */
  hangupCause?: string;
  /** Every field the carrier sent, untouched; repeated form keys become arrays. */
  raw: Readonly<Record<string, unknown>>;
}

/** A call reached a tracking number: the voice webhook or Telnyx `call.initiated`. */
export interface CallStartedEvent extends CallEventBase {
  kind: "call_started";
  from: string;
  to: string;
}

/** Progress or end of the inbound leg. */
export interface StatusEvent extends CallEventBase {
  kind: "status";
  status: CallStatus;
}

/**
 * The forwarded leg ended (`<Dial action>` callback). `status` there is the inbound leg's;
 * `dialStatus` is the advertiser's leg and `talkS` the advertiser's talk time
 * (`DialCallDuration`), the metric for "answered/qualified" call logic.
 */
export interface DialEndedEvent extends CallEventBase {
  kind: "dial_ended";
  dialStatus: CallStatus;
  dialCallId?: string;
  talkS?: number;
}

/** A finished recording is available (fetch it soon: Telnyx URLs expire after 10 minutes). */
export interface RecordingEvent extends CallEventBase {
  kind: "recording";
  recordingUrl: string;
}

export interface TranscriptionEvent extends CallEventBase {
  kind: "transcription";
  transcript: string;
  /** 0..1 when the carrier reports it. */
  transcriptConfidence?: number;
}

/** One normalized fact from a carrier webhook. Narrow on `kind`. */
export type CallEvent =
  | CallStartedEvent
  | StatusEvent
  | DialEndedEvent
  | RecordingEvent
  | TranscriptionEvent;

const RANK: Record<CallStatus, number> = {
  queued: 0,
  ringing: 1,
  in_progress: 2,
  completed: 3,
  busy: 3,
  no_answer: 3,
  failed: 3,
  canceled: 3,
};

/**
 * Order of call states, so the server can refuse to move a call backwards when callbacks
 * arrive late or twice: apply `next` only if `statusRank(next) > statusRank(current)`.
 * Terminal states share the top rank, so the first terminal status wins.
 */
export function statusRank(status: CallStatus): number {
  return RANK[status];
}

export function isTerminalStatus(status: CallStatus): boolean {
  return RANK[status] === 3;
}
