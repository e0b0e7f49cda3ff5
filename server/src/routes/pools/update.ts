import { createRoute, z } from "@hono/zod-openapi";
import { pools } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { findSite } from "../sites/read";
import { PoolSchema, UpdatePoolSchema } from "./schemas";
import { findPool, renderPools } from "./store";

const route = createRoute({
  method: "patch",
  path: "/v1/pools/{id}",
  tags: ["Pools"],
  summary: "Change a pool",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: UpdatePoolSchema } }, required: true },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: PoolSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerUpdatePool(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    let pool = await findPool(services, accountId, id);
    if (body.target) {
      const site = await findSite(services, accountId, pool.siteId);
      if (!site.targets.includes(body.target)) {
        throw new ApiError(
          "validation_failed",
          `target ${body.target} is not one of the site's targets`,
        );
      }
    }
    const set = {
      name: body.name,
      kind: body.kind,
      priority: body.priority,
      rules: body.rules as Record<string, unknown> | undefined,
      target: body.target,
      fallback: body.fallback,
      onExhausted: body.on_exhausted,
    };
    if (Object.values(set).some((v) => v !== undefined)) {
      [pool] = (await services.database.db
        .update(pools)
        .set(set)
        .where(and(eq(pools.id, id), eq(pools.accountId, accountId)))
        .returning()) as [typeof pool];
      services.sites.invalidate(pool.siteId);
    }
    const [rendered] = await renderPools(services, [pool]);
    return c.json(rendered!, 200);
  });
}
