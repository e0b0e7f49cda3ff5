import { createRoute } from "@hono/zod-openapi";
import { newId, pools } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { findSite } from "../sites/read";
import { CreatePoolSchema, PoolSchema } from "./schemas";
import { renderPools } from "./store";

const route = createRoute({
  method: "post",
  path: "/v1/pools",
  tags: ["Pools"],
  summary: "Create a pool of tracking numbers for a site",
  description:
    "Source pools (one number per channel or campaign) are tried before session pools (one number per visitor); within a kind, higher priority first; the first pool whose rules match the visit serves it.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreatePoolSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: PoolSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerCreatePool(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const site = await findSite(services, accountId, body.site);
    if (body.target && !site.targets.includes(body.target)) {
      throw new ApiError(
        "validation_failed",
        `target ${body.target} is not one of the site's targets`,
      );
    }
    const [pool] = await services.database.db
      .insert(pools)
      .values({
        id: newId("pool"),
        accountId,
        siteId: site.id,
        name: body.name,
        kind: body.kind,
        priority: body.priority,
        rules: body.rules as Record<string, unknown>,
        target: body.target,
        fallback: body.fallback,
        onExhausted: body.on_exhausted,
        createdAt: services.now(),
      })
      .returning();
    services.sites.invalidate(site.id);
    const [rendered] = await renderPools(services, [pool!]);
    return c.json(rendered!, 201);
  });
}
