import { createRoute, z } from "@hono/zod-openapi";
import { routedRequests } from "@ringtrail/db";
import { and, desc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { RequestListSchema, RequestSchema } from "./schemas";
import { renderRequest } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/requests",
  tags: ["Requests"],
  summary: "Recent routed requests, newest first",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "Requests",
      content: { "application/json": { schema: RequestListSchema } },
    },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/requests/{id}",
  tags: ["Requests"],
  summary: "A routed request and where it went",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Request", content: { "application/json": { schema: RequestSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerReadRequests(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const rows = await services.database.db
      .select()
      .from(routedRequests)
      .where(eq(routedRequests.accountId, c.get("auth").accountId))
      .orderBy(desc(routedRequests.createdAt), desc(routedRequests.id))
      .limit(100);
    return c.json({ data: rows.map(renderRequest) }, 200);
  });

  app.openapi(get, async (c) => {
    const [row] = await services.database.db
      .select()
      .from(routedRequests)
      .where(
        and(
          eq(routedRequests.id, c.req.valid("param").id),
          eq(routedRequests.accountId, c.get("auth").accountId),
        ),
      );
    if (!row) throw new ApiError("not_found", "No such request");
    return c.json(renderRequest(row), 200);
  });
}
