import { httpAllowList } from "@ringtrail/db";
import { and, asc, eq } from "drizzle-orm";
import type { Services } from "../context";
import { isPrivateHost } from "../outbound/private-host";

/** Origins the account's `http` sources may fetch, e.g. `https://crm.example.com`. */
export async function accountAllowList(
  services: Pick<Services, "database">,
  accountId: string,
): Promise<string[]> {
  const rows = await services.database.db
    .select({ origin: httpAllowList.origin })
    .from(httpAllowList)
    .where(eq(httpAllowList.accountId, accountId))
    .orderBy(asc(httpAllowList.origin));
  return rows.map((r) => r.origin);
}

/**
 * The origin of an allow-list entry, or undefined when it may not be listed: https only, no
 * credentials, path or query; plain http only to loopback hosts when `loopbackHttp` is set.
 */
export function allowListOrigin(entry: string, loopbackHttp: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  // A tenant's flow must not reach the server's own network, except loopback when allowed.
  const reachable = !isPrivateHost(url.hostname) || (loopbackHttp && loopback);
  const scheme =
    (url.protocol === "https:" && reachable) ||
    (loopbackHttp && loopback && url.protocol === "http:");
  const bare = url.username === "" && url.password === "" && url.search === "" && url.hash === "";
  return scheme && bare && (url.pathname === "/" || url.pathname === "") ? url.origin : undefined;
}

export async function addAllowedOrigin(
  services: Pick<Services, "database">,
  accountId: string,
  origin: string,
  now: number,
): Promise<void> {
  await services.database.db
    .insert(httpAllowList)
    .values({ accountId, origin, createdAt: now })
    .onConflictDoNothing();
}

/** Removes an origin; false when it was not listed. */
export async function removeAllowedOrigin(
  services: Pick<Services, "database">,
  accountId: string,
  origin: string,
): Promise<boolean> {
  const res = await services.database.db
    .delete(httpAllowList)
    .where(and(eq(httpAllowList.accountId, accountId), eq(httpAllowList.origin, origin)))
    .returning({ origin: httpAllowList.origin });
  return res.length > 0;
}
