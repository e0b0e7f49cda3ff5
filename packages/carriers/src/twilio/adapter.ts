import type { CarrierAdapter } from "../adapter";
import { identifyFormRequest, parseFormRequest } from "../twiml/callback";
import { renderTwiml } from "../twiml/render";
import { twilioCallerInfo } from "./caller-info";
import { verifyTwilioStyleSignature } from "./signature";

const dialect = { carrier: "twilio", callerInfo: twilioCallerInfo } as const;

/**
 * Twilio Programmable Voice: form-encoded webhooks signed with `X-Twilio-Signature`
 * (HMAC-SHA1 keyed by the account's Auth Token), answered with TwiML.
 */
export function createTwilioAdapter(): CarrierAdapter {
  return {
    name: "twilio",
    identify: identifyFormRequest,
    async verify(req, secret) {
      if (secret.carrier !== "twilio") {
        return { ok: false, code: "invalid_secret", message: "not a Twilio secret" };
      }
      return verifyTwilioStyleSignature(req, secret.authToken, ["x-twilio-signature"]);
    },
    parse: (req, hook) => parseFormRequest(req, hook, dialect),
    render: (decision) => renderTwiml(decision),
  };
}
