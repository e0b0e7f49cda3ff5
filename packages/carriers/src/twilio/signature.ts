import type { SignedRequest, VerifyResult } from "../adapter";
import { constantTimeEqual, fromBase64, toBytes, toHex, toText } from "../bytes";
import { type FormParams, isForm, parseForm } from "../form-params";
import { cachedKey } from "../key-cache";
import { signedUrlVariants } from "./url-variants";

const encoder = new TextEncoder();

/**
 * The string Twilio signs: the full URL, then every form field sorted by name (code-unit
 * order) as name+value with no delimiters. A repeated field contributes each distinct value,
 * sorted, as twilio@6.2.0 does. Empty values still count.
 */
export function twilioSignedString(url: string, params: FormParams): string {
  let data = url;
  for (const key of [...params.keys()].sort()) {
    const values = params.get(key) ?? [];
    const distinct = values.length === 1 ? values : [...new Set(values)].sort();
    for (const value of distinct) data += key + value;
  }
  return data;
}

/**
 * `X-Twilio-Signature` = base64(HMAC-SHA1(key, signed string)). Shared by SignalWire, which
 * signs the same way under its own header with the project's signing key.
 *
 * Form bodies are signed field by field. JSON bodies are signed through the URL instead:
 * Twilio appends `bodySHA256=<hex sha256 of the raw body>` and signs the URL alone.
 */
export async function verifyTwilioStyleSignature(
  req: SignedRequest,
  key: string,
  headerNames: readonly string[],
): Promise<VerifyResult> {
  const header = headerNames.map((name) => req.headers[name]).find((v) => v);
  if (!header) {
    return { ok: false, code: "missing_signature", message: `missing ${headerNames[0]} header` };
  }
  if (key.length === 0) return { ok: false, code: "invalid_secret", message: "empty signing key" };

  const bodyHash = bodySha256Param(req.url);
  let params: FormParams = new Map();
  if (bodyHash !== null) {
    const digest = toHex(await crypto.subtle.digest("SHA-256", toBytes(req.rawBody)));
    if (!constantTimeEqual(digest, bodyHash.toLowerCase())) {
      return { ok: false, code: "bad_signature", message: "body does not match bodySHA256" };
    }
  } else {
    const body = toText(req.rawBody);
    // A body Twilio did not sign field by field (not a form, no bodySHA256) would be unchecked.
    if (body.length > 0 && !isForm(req.contentType)) {
      return { ok: false, code: "bad_signature", message: "unsigned non-form body" };
    }
    params = parseForm(body);
  }

  const signature = fromBase64(header.trim());
  if (signature === null) {
    return { ok: false, code: "bad_signature", message: "signature is not base64" };
  }
  const hmacKey = await cachedKey(`hmac-sha1:${key}`, () =>
    crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, [
      "verify",
    ]),
  );
  for (const url of signedUrlVariants(req.url)) {
    // subtle.verify compares in constant time.
    const data = encoder.encode(twilioSignedString(url, params));
    if (await crypto.subtle.verify("HMAC", hmacKey, signature, data)) return { ok: true };
  }
  return { ok: false, code: "bad_signature", message: "signature does not match" };
}

function bodySha256Param(url: string): string | null {
  try {
    return new URL(url).searchParams.get("bodySHA256");
  } catch {
    return null;
  }
}
