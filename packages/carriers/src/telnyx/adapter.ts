import type { CarrierAdapter, ParseResult, SignedRequest } from "../adapter";
import { toText } from "../bytes";
import type { CallerInfo } from "../call-event";
import { type FormParams, field, isJson } from "../form-params";
import { identifyFormRequest, parseFormRequest } from "../twiml/callback";
import { renderTwiml } from "../twiml/render";
import { identifyCallControl, parseCallControl } from "./call-control";
import { verifyTelnyxSignature } from "./signature";

export interface TelnyxAdapterOptions {
  /** How far `telnyx-timestamp` may be from now, either way. Telnyx's SDK uses 300 s. */
  toleranceS?: number;
}

/** TeXML sends the caller's display name (CNAM) as `CallerId`; it sends no geography. */
function texmlCallerInfo(params: FormParams): CallerInfo | undefined {
  const name = field(params, "CallerId");
  return name ? { name } : undefined;
}

const dialect = { carrier: "telnyx", callerInfo: texmlCallerInfo } as const;

/** Telnyx rings a `<Dial>` for 5–120 s and records up to 4 hours. */
const TEXML = { timeoutS: [5, 120], recordS: [1, 14_400] } as const;

/**
 * Telnyx, both products: TeXML (Twilio-named form callbacks, answered with TeXML markup) and
 * Call Control v2 (JSON events; the call is driven by REST commands, so `render` only serves
 * TeXML). Both are signed with Ed25519; see `verifyTelnyxSignature`.
 */
export function createTelnyxAdapter({
  toleranceS = 300,
}: TelnyxAdapterOptions = {}): CarrierAdapter {
  return {
    name: "telnyx",
    identify(req) {
      if (!isJson(req.contentType)) return identifyFormRequest(req);
      const body = parseJson(req);
      return body === undefined ? null : identifyCallControl(body);
    },
    async verify(req, secret, nowMs) {
      if (secret.carrier !== "telnyx") {
        return { ok: false, code: "invalid_secret", message: "not a Telnyx secret" };
      }
      return verifyTelnyxSignature(req, secret.publicKey, nowMs, toleranceS);
    },
    parse(req, hook): ParseResult {
      if (!isJson(req.contentType)) return parseFormRequest(req, hook, dialect);
      const body = parseJson(req);
      if (body === undefined) return { ok: false, code: "malformed_body", message: "invalid JSON" };
      return parseCallControl(body);
    },
    render: (decision) => renderTwiml(decision, TEXML),
  };
}

function parseJson(req: SignedRequest): unknown {
  try {
    return JSON.parse(toText(req.rawBody)) as unknown;
  } catch {
    return undefined;
  }
}
