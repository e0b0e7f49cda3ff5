import type { RenderedReply } from "../adapter";
import type {
  ForwardDecision,
  MenuDecision,
  Prelude,
  RoutingDecision,
  VoicemailDecision,
} from "../routing-decision";
import { type XmlElement, xmlDocument } from "./xml";

/** Where the TwiML dialects differ in what they accept. */
export interface MarkupDialect {
  /** Inclusive bounds for `<Dial timeout>`; out-of-range values are clamped, not rejected. */
  timeoutS: readonly [min: number, max: number];
  /** Inclusive bounds for `<Record maxLength>`. */
  recordS: readonly [min: number, max: number];
}

/** Twilio rings for 5–600 s and records up to 4 hours. */
export const TWIML: MarkupDialect = { timeoutS: [5, 600], recordS: [1, 14_400] };

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
      return [...prelude(decision.prelude), dial(decision, dialect)];
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
      return [...prelude(decision.prelude), { name: "Hangup" }];
    case "menu":
      return [...prelude(decision.prelude), ...menu(decision)];
    case "voicemail":
      return [...prelude(decision.prelude), record(decision, dialect)];
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

function prelude(items: readonly Prelude[] | undefined): XmlElement[] {
  return (items ?? []).map((item) =>
    item.kind === "say"
      ? { name: "Say", children: [item.text] }
      : { name: "Play", children: [item.url] },
  );
}

/** `<Gather>` with the prompt inside (input stops it), then a redirect for no input. */
function menu(decision: MenuDecision): XmlElement[] {
  const input = [decision.input.digits && "dtmf", decision.input.speech && "speech"]
    .filter(Boolean)
    .join(" ");
  return [
    {
      name: "Gather",
      attrs: [
        ["input", input],
        ["action", decision.actionUrl],
        ["method", "POST"],
        ["timeout", Math.max(1, Math.round(decision.timeoutS))],
        ["numDigits", decision.input.digits ? 1 : undefined],
      ],
      children: [{ name: "Say", children: [decision.prompt] }],
    },
    { name: "Redirect", attrs: [["method", "POST"]], children: [decision.actionUrl] },
  ];
}

function record(decision: VoicemailDecision, dialect: MarkupDialect): XmlElement {
  const [min, max] = dialect.recordS;
  return {
    name: "Record",
    attrs: [
      ["action", decision.actionUrl],
      ["method", "POST"],
      ["maxLength", Math.min(max, Math.max(min, Math.round(decision.maxLengthS)))],
      ["playBeep", true],
      ["recordingStatusCallback", decision.recordingCallbackUrl],
    ],
  };
}

function unreachable(decision: never): never {
  throw new Error(`unhandled routing decision ${JSON.stringify(decision)}`);
}
