import { isPrivateHost } from "./private-host";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Deliveries carry customers' data, so they go over HTTPS; plain HTTP is accepted only for
 * loopback receivers (a developer's tunnel, tests), never HTTPS to a private address, which
 * would let a tenant probe the server's own network. Returns why a URL is refused, or null.
 */
export function endpointUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  if (url.protocol === "https:") {
    return isPrivateHost(url.hostname) ? "must not point at a private or local address" : null;
  }
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  return "must be https (http only to a loopback host)";
}
