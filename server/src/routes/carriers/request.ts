import { type CarrierAdapter, getAdapter, type SignedRequest } from "@ringtrail/carriers";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";

/** Carrier webhooks are small forms or JSON events; anything bigger is not one of them. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

/** Enforces the limit while the body streams in, so a huge chunked body is never buffered. */
export const webhookBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_WEBHOOK_BYTES,
  onError: () => {
    throw new ApiError(
      "payload_too_large",
      `Webhook bodies are at most ${MAX_WEBHOOK_BYTES} bytes`,
    );
  },
});

/** The adapter named in the path; an unknown carrier is a 404 like any unknown route. */
export function carrierAdapter(name: string): CarrierAdapter {
  const adapter = getAdapter(name);
  if (!adapter) throw new ApiError("not_found", "No such carrier");
  return adapter;
}

/**
 * The request as the carrier signed it. The body is read once, as bytes, and never
 * re-serialised. Behind a proxy `c.req.url` is not the URL the carrier called, so with
 * PUBLIC_BASE_URL set the signed URL is that base + this path + the original query string.
 */
export async function signedRequest(c: Context<AppEnv>): Promise<SignedRequest> {
  const rawBody = new Uint8Array(await c.req.arrayBuffer());
  if (rawBody.byteLength > MAX_WEBHOOK_BYTES) {
    throw new ApiError(
      "payload_too_large",
      `Webhook bodies are at most ${MAX_WEBHOOK_BYTES} bytes`,
    );
  }
  return {
    url: publicUrl(c.req.url, c.get("services").publicBaseUrl),
    headers: c.req.header(),
    rawBody,
    contentType: c.req.header("content-type") ?? "",
  };
}

/** `https://calls.example.com` + `/v1/carriers/twilio/status?event=dial`. */
export function publicUrl(requestUrl: string, publicBaseUrl: string | null): string {
  if (!publicBaseUrl) return requestUrl;
  const url = new URL(requestUrl);
  return `${publicBaseUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

/** Telnyx Call Control posts JSON events; every markup-driven product posts forms. */
export function isJsonBody(req: SignedRequest): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(req.contentType.trim());
}

/**
 * A carrier webhook as both endpoints start it: the carrier's adapter, the signed request,
 * and who it claims to be about (read before the signature is checked, to find the secret).
 */
export async function readWebhook(c: Context<AppEnv>) {
  const adapter = carrierAdapter(c.req.param("carrier") ?? "");
  const req = await signedRequest(c);
  const identity = adapter.identify(req);
  if (!identity) throw new ApiError("bad_request", "Not a call webhook: no call id");
  return { adapter, req, identity, client: c.get("services").database.reads };
}
