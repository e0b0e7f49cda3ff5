import type { SignedRequest } from "../adapter";
import type { CallStatus } from "../call-event";
import { defined } from "../defined";
import { field, isJson, requestFields } from "../form-params";
import { dialStatus } from "./fields";

/** What the caller did, as a `<Gather>`, `<Dial>` or `<Record>` action callback reports it. */
export interface ActionInput {
  /** Keys pressed (`Digits`). */
  digits?: string;
  /** Recognised speech (`SpeechResult`). */
  speech?: string;
  /** The recogniser's confidence in `speech`, in [0, 1] (`Confidence`). */
  confidence?: number;
  /** How the forwarded leg ended (`DialCallStatus`). */
  dialStatus?: CallStatus;
}

/**
 * Reads an action callback of the TwiML family (Twilio, SignalWire, Telnyx TeXML). Call it
 * only after the signature is verified: nothing here is trusted before that.
 *
 * @example
 * readActionInput(req) // { speech: "I want to cancel", confidence: 0.91 }
 */
export function readActionInput(req: SignedRequest): ActionInput {
  if (isJson(req.contentType)) return {};
  const params = requestFields(req);
  const confidence = Number(field(params, "Confidence"));
  return defined({
    digits: field(params, "Digits"),
    speech: field(params, "SpeechResult")?.trim() || undefined,
    confidence:
      Number.isFinite(confidence) && field(params, "Confidence") !== undefined
        ? Math.min(1, Math.max(0, confidence))
        : undefined,
    dialStatus: dialStatus(field(params, "DialCallStatus")),
  });
}
