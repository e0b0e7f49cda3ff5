import { createRoute } from "@hono/zod-openapi";
import { pools, sites } from "@ringtrail/db";
import { and, eq, isNotNull } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { baseUrl } from "../base-url";
import { errorResponses } from "../openapi-errors";
import { findSite } from "./read";
import { renderSite } from "./render";
import { holdBoundsProblem, IdParam, SiteSchema, UpdateSiteSchema } from "./schemas";

const route = createRoute({
  method: "patch",
  path: "/v1/sites/{id}",
  tags: ["Sites"],
  summary: "Change a site",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: IdParam,
    body: { content: { "application/json": { schema: UpdateSiteSchema } }, required: true },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: SiteSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function registerUpdateSite(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const current = await findSite(services, accountId, id);
    if (Object.values(body).every((v) => v === undefined))
      return c.json(renderSite(current, baseUrl(c)), 200);
    const problem = holdBoundsProblem(
      body.hold_min_s === undefined ? current.holdMinS : body.hold_min_s,
      body.hold_max_s === undefined ? current.holdMaxS : body.hold_max_s,
    );
    if (problem) throw new ApiError("validation_failed", problem);
    const { targets } = body;
    if (targets) {
      // A pool's target must stay one of the site's targets (as create checks), or the pool
      // would replace a number the script no longer looks for.
      const targeted = await services.database.db
        .select({ id: pools.id, target: pools.target })
        .from(pools)
        .where(and(eq(pools.siteId, id), isNotNull(pools.target)));
      const orphaned = targeted.find((p) => p.target !== null && !targets.includes(p.target));
      if (orphaned) {
        throw new ApiError(
          "conflict",
          `target ${orphaned.target} is used by pool ${orphaned.id}; change the pool first`,
        );
      }
    }
    const [site] = await services.database.db
      .update(sites)
      .set({
        name: body.name,
        origins: body.origins,
        targets: body.targets,
        holdS: body.hold_s,
        holdMinS: body.hold_min_s,
        holdMaxS: body.hold_max_s,
        exploration: body.exploration,
        numberPriceCents: body.number_price_cents,
        quarantineDays: body.quarantine_days,
      })
      .where(and(eq(sites.id, id), eq(sites.accountId, accountId)))
      .returning();
    services.sites.invalidate(id);
    return c.json(renderSite(site!, baseUrl(c)), 200);
  });
}
