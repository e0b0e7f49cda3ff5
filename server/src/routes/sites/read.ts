import { createRoute } from "@hono/zod-openapi";
import { sites } from "@ringtrail/db";
import { and, asc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { baseUrl } from "../base-url";
import { errorResponses } from "../openapi-errors";
import { renderSite } from "./render";
import { IdParam, SiteListSchema, SiteSchema } from "./schemas";

const list = createRoute({
  method: "get",
  path: "/v1/sites",
  tags: ["Sites"],
  summary: "List the account's sites",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Sites", content: { "application/json": { schema: SiteListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/sites/{id}",
  tags: ["Sites"],
  summary: "Get a site",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: IdParam },
  responses: {
    200: { description: "Site", content: { "application/json": { schema: SiteSchema } } },
    ...errorResponses(401, 404),
  },
});

export async function findSite(services: Services, accountId: string, id: string) {
  const [site] = await services.database.db
    .select()
    .from(sites)
    .where(and(eq(sites.id, id), eq(sites.accountId, accountId)));
  if (!site) throw new ApiError("not_found", "No such site");
  return site;
}

export function registerReadSites(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const rows = await services.database.db
      .select()
      .from(sites)
      .where(eq(sites.accountId, c.get("auth").accountId))
      .orderBy(asc(sites.createdAt), asc(sites.id));
    const base = baseUrl(c);
    return c.json({ data: rows.map((s) => renderSite(s, base)) }, 200);
  });
  app.openapi(get, async (c) => {
    const site = await findSite(services, c.get("auth").accountId, c.req.valid("param").id);
    return c.json(renderSite(site, baseUrl(c)), 200);
  });
}
