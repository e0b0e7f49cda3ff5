import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { applyChanges, planChanges } from "../../optimize/apply";
import { planPool } from "../../optimize/plan";
import { errorResponses } from "../openapi-errors";
import { optimizerContext } from "./optimizer-context";
import { OptimizeResultSchema, OptimizeSchema } from "./optimizer-schemas";

const DAY_MS = 86_400_000;

const route = createRoute({
  method: "post",
  path: "/v1/pools/{id}/optimize",
  tags: ["Pools"],
  summary: "Show or apply the changes that need no purchase: move, quarantine, release, reactivate",
  description:
    "A number holding a live lease is never changed (status skipped_leased). Every applied change is in GET /v1/pools/{id}/audit.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: OptimizeSchema } }, required: true },
  },
  responses: {
    200: {
      description: "Changes",
      content: { "application/json": { schema: OptimizeResultSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerOptimizePool(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId, keyId } = c.get("auth");
    const { dry_run } = c.req.valid("json");
    const { pool, site, sitePoolIds, now } = await optimizerContext(
      services,
      accountId,
      c.req.valid("param").id,
    );
    const plan = await planPool(services.database.reads, {
      accountId,
      siteId: site.id,
      poolId: pool.id,
      sitePoolIds,
      quarantineDays: site.quarantineDays,
      from: now - 7 * DAY_MS,
      to: now,
      now,
    });
    let changes = planChanges(plan, pool.id, now);
    if (!dry_run) {
      changes = await applyChanges(
        services.writer,
        accountId,
        keyId,
        changes,
        site.quarantineDays,
        now,
      );
      for (const id of sitePoolIds) services.pools.invalidate(id);
    }
    return c.json({ dry_run, changes }, 200);
  });
}
