import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { ApiError, issuesOf } from "../../errors";

/**
 * The SDK posts JSON as text/plain so that browsers skip the CORS preflight; so these
 * routes read the raw text and parse it themselves, whatever the content type says.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > maxBytes)
    throw new ApiError("payload_too_large", `Body larger than ${maxBytes} bytes`);
  const text = await c.req.text();
  if (text.length > maxBytes)
    throw new ApiError("payload_too_large", `Body larger than ${maxBytes} bytes`);
  let json: unknown;
  try {
    json = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "Body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError("validation_failed", "Request body is invalid", issuesOf(parsed.error));
  }
  return parsed.data;
}
