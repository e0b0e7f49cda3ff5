import { pools } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { Services } from "../../context";
import { endQuarantines } from "../../optimize/quarantine";
import { findSite } from "../sites/read";
import { findPool } from "./store";

/**
 * What the report and the optimizer start from: the pool (404 for another tenant's), its
 * site, the site's pools, with ended quarantines returned and exhaustion counts flushed
 * first, so both see the pool as it is now.
 */
export async function optimizerContext(services: Services, accountId: string, poolId: string) {
  const pool = await findPool(services, accountId, poolId);
  const site = await findSite(services, accountId, pool.siteId);
  const sitePools = await services.database.db
    .select({ id: pools.id })
    .from(pools)
    .where(and(eq(pools.accountId, accountId), eq(pools.siteId, site.id)));
  const sitePoolIds = sitePools.map((p) => p.id);
  const now = services.now();
  await services.exhaustion.flush();
  for (const id of await endQuarantines(services.writer, accountId, sitePoolIds, now)) {
    services.pools.invalidate(id);
  }
  return { pool, site, sitePoolIds, now };
}
