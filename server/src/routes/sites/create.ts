import { createRoute } from "@hono/zod-openapi";
import { newId, newSecret, sites } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { baseUrl } from "../base-url";
import { errorResponses } from "../openapi-errors";
import { renderSite } from "./render";
import { CreateSiteSchema, SiteSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/v1/sites",
  tags: ["Sites"],
  summary: "Create a site",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateSiteSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: SiteSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export function registerCreateSite(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const [site] = await services.database.db
      .insert(sites)
      .values({
        id: newId("site"),
        accountId,
        name: body.name,
        publicKey: newSecret("pk", 24),
        origins: body.origins,
        targets: body.targets,
        holdS: body.hold_s,
        holdMinS: body.hold_min_s,
        holdMaxS: body.hold_max_s,
        exploration: body.exploration,
        numberPriceCents: body.number_price_cents,
        quarantineDays: body.quarantine_days,
        createdAt: services.now(),
      })
      .returning();
    return c.json(renderSite(site!, baseUrl(c)), 201);
  });
}
