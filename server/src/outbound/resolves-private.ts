import { lookup } from "node:dns/promises";
import { isPrivateHost } from "./private-host";

export type Resolve = (hostname: string) => Promise<readonly { address: string }[]>;

const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true });

/**
 * Whether a host is, or resolves to, a private or local address: an allowed public name can
 * still be pointed at the server's own network later (DNS rebinding), so an outbound request
 * checks right before it goes. A name that does not resolve is not private; the request fails
 * on its own. Gives up after `timeoutMs` (the request's own budget) and says not private.
 */
export async function resolvesPrivate(
  hostname: string,
  timeoutMs: number,
  resolve: Resolve = systemResolve,
): Promise<boolean> {
  if (isPrivateHost(hostname)) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), timeoutMs);
  });
  try {
    const addresses = await Promise.race([resolve(hostname.replace(/^\[|\]$/g, "")), late]);
    return addresses?.some((a) => isPrivateHost(a.address)) ?? false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
