import type { Context } from "hono";
import type { AppEnv } from "../context";

/** The URL outsiders reach us at: PUBLIC_BASE_URL when set (behind a proxy), else this request's origin. */
export function baseUrl(c: Context<AppEnv>): string {
  return c.get("services").publicBaseUrl ?? new URL(c.req.url).origin;
}
