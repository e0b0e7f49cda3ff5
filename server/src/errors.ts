import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ERROR_CODES = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  invalid_phone_number: 400,
  unauthorized: 401,
  forbidden: 403,
  bad_signature: 403,
  not_found: 404,
  unknown_site: 404,
  unknown_session: 404,
  conflict: 409,
  flow_invalid: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error type routes throw; rendered as `{"error":{"code","message","request_id"}}`. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(ERROR_CODES[code], { message });
    this.code = code;
    this.details = details;
  }
}

export function errorBody(c: Context, code: ErrorCode, message: string, details?: unknown) {
  return {
    error: {
      code,
      message,
      request_id: c.get("requestId") as string | undefined,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** Unknown errors are logged, never echoed: their messages may carry internals. */
export function renderError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    return c.json(errorBody(c, err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413
        ? "payload_too_large"
        : err.status === 415
          ? "unsupported_media_type"
          : /malformed json/i.test(err.message)
            ? "invalid_json"
            : "bad_request";
    return c.json(errorBody(c, code, err.message || code), err.status);
  }
  const log = c.get("log") as ((level: "error", msg: string, extra?: object) => void) | undefined;
  log?.("error", "unhandled", { error: String(err?.stack ?? err) });
  return c.json(errorBody(c, "internal_error", "Internal error"), 500);
}

/** A zod error as `details` of a 400: each issue's path and message. */
export function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
