import { createRoute, z } from "@hono/zod-openapi";
import { pools } from "@ringtrail/db";
import { and, asc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { PoolListQuery, PoolListSchema, PoolSchema } from "./schemas";
import { findPool, renderPools } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/pools",
  tags: ["Pools"],
  summary: "List pools",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { query: PoolListQuery },
  responses: {
    200: { description: "Pools", content: { "application/json": { schema: PoolListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/pools/{id}",
  tags: ["Pools"],
  summary: "Get a pool",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Pool", content: { "application/json": { schema: PoolSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerReadPools(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const { accountId } = c.get("auth");
    const { site } = c.req.valid("query");
    const rows = await services.database.db
      .select()
      .from(pools)
      .where(
        site
          ? and(eq(pools.accountId, accountId), eq(pools.siteId, site))
          : eq(pools.accountId, accountId),
      )
      .orderBy(asc(pools.createdAt), asc(pools.id));
    return c.json({ data: await renderPools(services, rows) }, 200);
  });
  app.openapi(get, async (c) => {
    const pool = await findPool(services, c.get("auth").accountId, c.req.valid("param").id);
    const [rendered] = await renderPools(services, [pool]);
    return c.json(rendered!, 200);
  });
}
