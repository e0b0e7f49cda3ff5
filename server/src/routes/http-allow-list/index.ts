import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import {
  accountAllowList,
  addAllowedOrigin,
  allowListOrigin,
  removeAllowedOrigin,
} from "../../sources/allow-list";
import { errorResponses } from "../openapi-errors";

const OriginSchema = z
  .object({ origin: z.string().max(300).openapi({ example: "https://crm.example.com" }) })
  .strict()
  .openapi("AllowedOrigin");

const ListSchema = z.object({ data: z.array(OriginSchema) }).openapi("HttpAllowList");

const base = { tags: ["Call flows"], security: [{ bearer: [] }] };

const listRoute = createRoute({
  ...base,
  method: "get",
  path: "/v1/http-allow-list",
  summary: "Origins that call-flow http sources may fetch",
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Origins", content: { "application/json": { schema: ListSchema } } },
    ...errorResponses(401),
  },
});

const addRoute = createRoute({
  ...base,
  method: "post",
  path: "/v1/http-allow-list",
  summary: "Allow an https origin (scheme, host and port; no path) for http sources",
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: OriginSchema } }, required: true },
  },
  responses: {
    201: { description: "Allowed", content: { "application/json": { schema: OriginSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const removeRoute = createRoute({
  ...base,
  method: "delete",
  path: "/v1/http-allow-list",
  summary: "Stop allowing an origin; flows that use it fall back from their next call",
  middleware: [requireKey("admin")] as const,
  request: { query: z.object({ origin: z.string().max(300) }) },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404) },
});

export function registerHttpAllowList(app: App, services: Services) {
  app.openapi(listRoute, async (c) => {
    const origins = await accountAllowList(services, c.get("auth").accountId);
    return c.json({ data: origins.map((origin) => ({ origin })) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const origin = allowListOrigin(c.req.valid("json").origin, services.loopbackHttp);
    if (!origin) {
      throw new ApiError(
        "validation_failed",
        "origin must be an https origin like https://crm.example.com (no path, query or credentials)",
      );
    }
    await addAllowedOrigin(services, c.get("auth").accountId, origin, services.now());
    return c.json({ origin }, 201);
  });

  app.openapi(removeRoute, async (c) => {
    const origin = allowListOrigin(c.req.valid("query").origin, services.loopbackHttp);
    const removed =
      origin !== undefined &&
      (await removeAllowedOrigin(services, c.get("auth").accountId, origin));
    if (!removed) throw new ApiError("not_found", "That origin is not on the allow-list");
    return c.body(null, 204);
  });
}
