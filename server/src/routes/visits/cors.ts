import type { Context } from "hono";
import type { SiteConfig } from "../../assign/site-config";
import { ApiError } from "../../errors";

/**
 * SDK endpoints answer only the site's own origins. A request without an Origin header is
 * not a browser's cross-site call (curl, server-side) and CORS does not apply to it.
 */
export function allowSiteOrigin(c: Context, site: SiteConfig): void {
  const origin = c.req.header("origin");
  c.header("Vary", "Origin");
  if (!origin) return;
  if (!site.origins.has(origin) && !site.origins.has("*")) {
    throw new ApiError("forbidden", `Origin ${origin} is not allowed for this site`);
  }
  c.header("Access-Control-Allow-Origin", origin);
  c.header("Access-Control-Allow-Credentials", "true");
}

/** Preflights carry no site key, so they are answered for anyone; the real request is checked. */
export function preflight(c: Context) {
  const origin = c.req.header("origin");
  if (origin) {
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Access-Control-Allow-Credentials", "true");
  }
  c.header("Access-Control-Allow-Methods", "POST, OPTIONS");
  c.header("Access-Control-Allow-Headers", "content-type");
  c.header("Access-Control-Max-Age", "86400");
  c.header("Vary", "Origin");
  return c.body(null, 204);
}
