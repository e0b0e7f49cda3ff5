import type { CallStatus } from "../call-event";

/** Status words of the TwiML family (Twilio, SignalWire, Telnyx TeXML) → ours. */
const CALL_STATUS: Readonly<Record<string, CallStatus>> = {
  queued: "queued",
  initiated: "queued",
  ringing: "ringing",
  "in-progress": "in_progress",
  answered: "in_progress",
  completed: "completed",
  busy: "busy",
  failed: "failed",
  "no-answer": "no_answer",
  canceled: "canceled",
  cancelled: "canceled",
};

export function callStatus(value: string | undefined): CallStatus | undefined {
  return value === undefined ? undefined : CALL_STATUS[value.toLowerCase()];
}

/**
 * `DialCallStatus` describes a leg that has ended (the action request comes after), so
 * "answered" (Twilio's word when the dialed party was connected) means it was completed.
 */
export function dialStatus(value: string | undefined): CallStatus | undefined {
  if (value?.toLowerCase() === "answered") return "completed";
  const status = callStatus(value);
  return status === "queued" || status === "ringing" || status === "in_progress"
    ? undefined
    : status;
}

export function direction(value: string | undefined): "inbound" | "outbound" | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower === "inbound" || lower === "incoming") return "inbound";
  if (lower.startsWith("outbound") || lower === "outgoing") return "outbound";
  return undefined;
}

/** Whole non-negative seconds or counters ("45"); anything else is dropped. */
export function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Carrier timestamps come as RFC 2822 ("Sun, 25 Mar 2018 09:53:19 +0000", Twilio) or ISO
 * with a space or a T ("2021-04-28 21:51:18.731479Z", Telnyx TeXML). Returns ISO 8601 UTC.
 */
export function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let ms = Date.parse(value);
  if (Number.isNaN(ms)) ms = Date.parse(value.replace(" ", "T"));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
