import { z } from "@hono/zod-openapi";
import type { ParseResult } from "@ringtrail/carriers";
import { ApiError } from "../../errors";
import { errorResponses } from "../openapi-errors";

export const WebhookParams = z.object({
  carrier: z
    .string()
    .max(32)
    .openapi({ example: "twilio", description: "twilio, telnyx or signalwire" }),
});

/** What a webhook route documents: markup on success, the one error shape otherwise. */
export function webhookResponses(description: string) {
  return {
    200: {
      description,
      content: { "text/xml": { schema: z.string() } },
    },
    ...errorResponses(400, 403, 404, 413),
  };
}

/** A signed body we cannot read: 415 for the wrong content type, 400 otherwise. */
export function parseFailure(parsed: Extract<ParseResult, { ok: false }>): ApiError {
  return parsed.code === "unsupported_content_type"
    ? new ApiError("unsupported_media_type", parsed.message)
    : new ApiError("bad_request", `Malformed webhook: ${parsed.message}`);
}
