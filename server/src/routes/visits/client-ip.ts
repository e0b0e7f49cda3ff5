import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The visitor's IP: X-Forwarded-For's first hop only when the proxy in front is trusted. */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const xff = c.req.header("x-forwarded-for");
    const first = xff?.split(",")[0]?.trim();
    if (first) return first;
  }
  try {
    const addr = getConnInfo(c).remote.address ?? null;
    return addr?.startsWith("::ffff:") ? addr.slice(7) : addr;
  } catch {
    return null;
  }
}
