import type { SignedRequest, VerifyResult } from "../adapter";
import { concatBytes, fromBase64, toBytes } from "../bytes";
import { cachedKey } from "../key-cache";

const encoder = new TextEncoder();

/**
 * Telnyx signs every webhook (Call Control JSON and TeXML forms alike) with Ed25519 over the
 * bytes `${telnyx-timestamp}|${raw body}`, under the account's public key from Mission
 * Control (base64 of the raw 32-byte key). Like Telnyx's SDK, a timestamp more than
 * `toleranceS` away from now in either direction is refused, so a captured request cannot be
 * replayed later and a forged clock cannot stretch the window.
 */
export async function verifyTelnyxSignature(
  req: SignedRequest,
  publicKey: string,
  nowMs: number,
  toleranceS: number,
): Promise<VerifyResult> {
  const signatureHeader = req.headers["telnyx-signature-ed25519"];
  const timestamp = req.headers["telnyx-timestamp"];
  if (!signatureHeader || !timestamp) {
    return {
      ok: false,
      code: "missing_signature",
      message: "missing telnyx-signature-ed25519 or telnyx-timestamp header",
    };
  }
  const key = fromBase64(publicKey.trim());
  if (key?.length !== 32) {
    return { ok: false, code: "invalid_secret", message: "public key is not 32 bytes of base64" };
  }
  if (!/^\d{1,15}$/.test(timestamp)) {
    return { ok: false, code: "bad_signature", message: "telnyx-timestamp is not unix seconds" };
  }
  const skewS = Number(timestamp) - nowMs / 1000;
  if (Math.abs(skewS) > toleranceS) {
    const when = skewS < 0 ? "too old" : "in the future";
    return { ok: false, code: "stale_timestamp", message: `telnyx-timestamp is ${when}` };
  }
  const signature = fromBase64(signatureHeader.trim());
  if (signature?.length !== 64) {
    return { ok: false, code: "bad_signature", message: "signature is not 64 bytes of base64" };
  }

  // Sign over the body's own bytes: decoding and re-encoding could change them.
  const message = concatBytes(encoder.encode(`${timestamp}|`), toBytes(req.rawBody));
  let valid: boolean;
  try {
    const cryptoKey = await cachedKey(`ed25519:${publicKeyId(key)}`, () =>
      crypto.subtle.importKey("raw", key, { name: "Ed25519" }, false, ["verify"]),
    );
    valid = await crypto.subtle.verify({ name: "Ed25519" }, cryptoKey, signature, message);
  } catch {
    // A 32-byte string that is not a curve point is rejected on import.
    return { ok: false, code: "invalid_secret", message: "public key is not an Ed25519 key" };
  }
  return valid
    ? { ok: true }
    : { ok: false, code: "bad_signature", message: "signature does not match" };
}

function publicKeyId(key: Uint8Array): string {
  let out = "";
  for (const b of key) out += b.toString(16).padStart(2, "0");
  return out;
}
