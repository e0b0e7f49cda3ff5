import type { z } from "@hono/zod-openapi";
import { numbers, type Pool, pools } from "@ringtrail/db";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Services } from "../../context";
import { ApiError } from "../../errors";
import { iso } from "../iso";
import type { PoolSchema } from "./schemas";

export async function findPool(services: Services, accountId: string, id: string): Promise<Pool> {
  const [pool] = await services.database.db
    .select()
    .from(pools)
    .where(and(eq(pools.id, id), eq(pools.accountId, accountId)));
  if (!pool) throw new ApiError("not_found", "No such pool");
  return pool;
}

/** Pools with their count of active numbers, rendered for the API. */
export async function renderPools(
  services: Services,
  rows: Pool[],
): Promise<z.infer<typeof PoolSchema>[]> {
  const ids = rows.map((p) => p.id);
  const counts =
    ids.length === 0
      ? []
      : await services.database.db
          .select({ poolId: numbers.poolId, n: count() })
          .from(numbers)
          .where(and(inArray(numbers.poolId, ids), eq(numbers.status, "active")))
          .groupBy(numbers.poolId);
  const byPool = new Map(counts.map((r) => [r.poolId, r.n]));
  return rows.map((p) => ({
    id: p.id,
    site: p.siteId,
    name: p.name,
    kind: p.kind,
    priority: p.priority,
    rules: p.rules,
    target: p.target,
    fallback: p.fallback,
    on_exhausted: p.onExhausted,
    numbers: byPool.get(p.id) ?? 0,
    created_at: iso(p.createdAt)!,
  }));
}
