import { createRoute, z } from "@hono/zod-openapi";
import { callFlows } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { ActivateSchema, FlowSchema } from "./schemas";
import { findFlow, findVersion, flowInvalid, loadFlow } from "./store";

const route = createRoute({
  method: "post",
  path: "/v1/call-flows/{id}/activate",
  tags: ["Call flows"],
  summary: "Make a valid version the one calls run (409 flow_invalid for an invalid one)",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: ActivateSchema } }, required: true },
  },
  responses: {
    200: { description: "Activated", content: { "application/json": { schema: FlowSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function registerActivateFlow(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const flow = await findFlow(services, accountId, c.req.valid("param").id);
    const version = await findVersion(services, flow.id, c.req.valid("json").version);
    if (!version.valid) throw flowInvalid(version);
    await services.database.db
      .update(callFlows)
      .set({ activeVersion: version.version, updatedAt: services.now() })
      .where(eq(callFlows.id, flow.id));
    return c.json(await loadFlow(services, accountId, flow.id), 200);
  });
}
