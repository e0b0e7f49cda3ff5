import { createRoute } from "@hono/zod-openapi";
import { reestimateMatchers } from "../../attribution/index";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { ReestimateSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/v1/attribution/reestimate",
  tags: ["Attribution"],
  summary: "Re-estimate the account's match parameters now",
  description:
    "Runs EM over the account's matched calls (their candidates' comparison levels, test calls left out) and stores the estimate. Later calls are matched with it once the account chooses so (`PUT /v1/attribution/params`). It also runs by itself, as a queued job, after every 50 ended calls.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  responses: {
    200: {
      description: "The new estimate",
      content: { "application/json": { schema: ReestimateSchema } },
    },
    ...errorResponses(401, 403),
  },
});

export function registerReestimate(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const now = services.now();
    const result = await reestimateMatchers(services.database.client, c.get("auth").accountId, now);
    return c.json(
      {
        calls_used: result.callsUsed,
        log_likelihood: Number.isFinite(result.logLikelihood) ? result.logLikelihood : null,
        iterations: result.iterations,
        converged: result.converged,
        estimated_at: new Date(now).toISOString(),
      },
      200,
    );
  });
}
