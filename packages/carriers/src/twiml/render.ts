import type { RenderedReply } from "../adapter";
import type { ForwardDecision, RoutingDecision } from "../routing-decision";
import { type XmlElement, xmlDocument } from "./xml";

/** Where the TwiML dialects differ in what they accept. */
export interface MarkupDialect {
  /** Inclusive bounds for `<Dial timeout>`; out-of-range values are clamped, not rejected. */
  timeoutS: readonly [min: number, max: number];
}

/** Twilio rings for 5–600 s. */
export const TWIML: MarkupDialect = { timeoutS: [5, 600] };

/**
 * Render a decision as TwiML-family markup (TwiML, SignalWire LaML/cXML, Telnyx TeXML).
 *
 * @example
 * renderTwiml({ kind: "forward", to: ["+14155550100"], callerId: "+18005550100" }).body
 * // <?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="+18005550100">
 * //   <Number>+14155550100</Number></Dial></Response>   (one line)
 */
export function renderTwiml(
  decision: RoutingDecision,
  dialect: MarkupDialect = TWIML,
): RenderedReply {
  return {
    contentType: "text/xml",
    body: xmlDocument({ name: "Response", children: verbs(decision, dialect) }),
  };
}

function verbs(decision: RoutingDecision, dialect: MarkupDialect): XmlElement[] {
  switch (decision.kind) {
    case "forward":
      return [dial(decision, dialect)];
    case "say_hangup":
      return [
        {
          name: "Say",
          attrs: [
            ["voice", decision.voice],
            ["language", decision.language],
          ],
          children: [decision.text],
        },
        { name: "Hangup" },
      ];
    case "hangup":
      return [{ name: "Hangup" }];
    default:
      return unreachable(decision);
  }
}

function dial(decision: ForwardDecision, dialect: MarkupDialect): XmlElement {
  const [min, max] = dialect.timeoutS;
  const timeout =
    decision.timeoutS === undefined
      ? undefined
      : Math.min(max, Math.max(min, Math.round(decision.timeoutS)));
  return {
    name: "Dial",
    attrs: [
      ["callerId", decision.callerId],
      ["timeout", timeout],
      ["action", decision.actionUrl],
      ["method", decision.actionUrl === undefined ? undefined : "POST"],
      // Dual channel keeps caller and advertiser apart for later transcription and analysis.
      ["record", decision.record ? "record-from-answer-dual" : undefined],
      ["recordingStatusCallback", decision.record ? decision.recordingCallbackUrl : undefined],
      ["answerOnBridge", decision.answerOnBridge],
    ],
    children: decision.to.map((number) => ({
      name: "Number",
      attrs: [["url", decision.whisperUrl]],
      children: [number],
    })),
  };
}

function unreachable(decision: never): never {
  throw new Error(`unhandled routing decision ${JSON.stringify(decision)}`);
}
