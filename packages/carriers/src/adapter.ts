import type { CallEvent, CarrierName } from "./call-event";
import type { RoutingDecision } from "./routing-decision";

/**
 * A carrier's HTTP request as the server received it, reduced to plain data.
 *
 * `url` must be the public URL the carrier requested (built from PUBLIC_BASE_URL + path +
 * the original query string), not what a proxy handed the server: Twilio signs that string.
 * `rawBody` must be the exact bytes: signatures cover them, and re-serialising breaks them.
 */
export interface SignedRequest {
  url: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  rawBody: Uint8Array | string;
  /**
   * The Content-Type header, "" when absent (parameters such as charset allowed). Required so
   * that a caller cannot forget it: it decides which bytes a signature is expected to cover.
   */
  contentType: string;
}

/** Which of the two carrier endpoints received the request. */
export type Hook = "voice" | "status";

export type CarrierSecret =
  | { carrier: "twilio"; authToken: string }
  | { carrier: "signalwire"; signingKey: string }
  /**
   * Base64 of the raw 32-byte Ed25519 public key from Telnyx Mission Control; the API v2 key
   * only when the account sends messages through Telnyx.
   */
  | { carrier: "telnyx"; publicKey: string; apiKey?: string };

export type VerifyFailure =
  | "missing_signature"
  | "bad_signature"
  | "stale_timestamp"
  /** The stored secret does not fit the carrier (wrong carrier, or an unusable key). */
  | "invalid_secret";

export type VerifyResult = { ok: true } | { ok: false; code: VerifyFailure; message: string };

export type ParseFailure = "unsupported_content_type" | "malformed_body" | "missing_field";

/**
 * Events from one webhook. A single callback can carry several facts (a dial action that also
 * reports the recording), and some carry none the server stores (`events: []`, acknowledge).
 */
export type ParseResult =
  | { ok: true; events: CallEvent[] }
  | { ok: false; code: ParseFailure; message: string };

/**
 * Read before verification, so the server can find whose secret to verify with. Nothing
 * here is trusted until `verify` passes. Recording callbacks carry no `to`: look the call up
 * by `carrierCallId` then.
 */
export interface Identity {
  carrierCallId: string;
  to?: string;
  accountId?: string;
}

export interface RenderedReply {
  contentType: string;
  body: string;
}

/** One carrier: check the signature, read the webhook, write the reply markup. */
export interface CarrierAdapter {
  readonly name: CarrierName;
  identify(req: SignedRequest): Identity | null;
  verify(req: SignedRequest, secret: CarrierSecret, nowMs: number): Promise<VerifyResult>;
  parse(req: SignedRequest, hook: Hook): ParseResult;
  render(decision: RoutingDecision): RenderedReply;
}
