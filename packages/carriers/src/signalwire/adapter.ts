import type { CarrierAdapter } from "../adapter";
import type { CallerInfo } from "../call-event";
import { type FormParams, field } from "../form-params";
import { verifyTwilioStyleSignature } from "../twilio/signature";
import { identifyFormRequest, parseFormRequest } from "../twiml/callback";
import { renderTwiml } from "../twiml/render";

/** SignalWire documents no caller geography; CNAM comes as `CallerName` like Twilio's. */
function signalwireCallerInfo(params: FormParams): CallerInfo | undefined {
  const name = field(params, "CallerName");
  return name ? { name } : undefined;
}

const dialect = { carrier: "signalwire", callerInfo: signalwireCallerInfo } as const;

/**
 * SignalWire's Compatibility API (LaML/cXML) is a Twilio-protocol clone: the same form fields
 * and markup, and the same HMAC-SHA1 signature, keyed by the project's Signing Key (not the
 * API token) under `X-SignalWire-Signature`. Its own SDK also accepts `X-Twilio-Signature`.
 */
export function createSignalwireAdapter(): CarrierAdapter {
  return {
    name: "signalwire",
    identify: identifyFormRequest,
    async verify(req, secret) {
      if (secret.carrier !== "signalwire") {
        return { ok: false, code: "invalid_secret", message: "not a SignalWire secret" };
      }
      return verifyTwilioStyleSignature(req, secret.signingKey, [
        "x-signalwire-signature",
        "x-twilio-signature",
      ]);
    },
    parse: (req, hook) => parseFormRequest(req, hook, dialect),
    render: (decision) => renderTwiml(decision),
  };
}
