import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { buildPoolReport } from "../../optimize/pool-report";
import { errorResponses } from "../openapi-errors";
import { optimizerContext } from "./optimizer-context";
import { PoolReportSchema, ReportQuery } from "./optimizer-schemas";

const DAY_MS = 86_400_000;
/** 31 days of hours is 744 rows: a month, and a bound on what one request reads. */
const MAX_WINDOW_MS = 31 * DAY_MS;

const route = createRoute({
  method: "get",
  path: "/v1/pools/{id}/report",
  tags: ["Pools"],
  summary:
    "Pool report: utilization by hour, exhaustion, sizing with cost, learning, recommendations",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }), query: ReportQuery },
  responses: {
    200: { description: "Report", content: { "application/json": { schema: PoolReportSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerPoolReport(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const query = c.req.valid("query");
    const { site, sitePoolIds, now, pool } = await optimizerContext(
      services,
      accountId,
      c.req.valid("param").id,
    );
    const to = query.to ? Date.parse(query.to) : now;
    const from = query.from ? Date.parse(query.from) : to - 7 * DAY_MS;
    if (!(to > from) || to - from > MAX_WINDOW_MS) {
      throw new ApiError("validation_failed", "from must be before to, at most 31 days apart");
    }
    const siteConfig = await services.sites.bySiteId(site.id);
    const learned = siteConfig ? await services.evidence.refresh(siteConfig) : null;
    const body = await buildPoolReport(services.database.reads, {
      accountId,
      siteId: site.id,
      poolId: pool.id,
      sitePoolIds,
      quarantineDays: site.quarantineDays,
      from,
      to,
      now,
      holdS: site.holdS,
      learnedHoldS: learned?.holdS ?? null,
      exploration: site.exploration,
      numberPriceCents: site.numberPriceCents,
      targetExhaustion: query.target_exhaustion,
      targetAccuracy: query.target_accuracy,
    });
    return c.json(body, 200);
  });
}
