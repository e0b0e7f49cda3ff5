import { createRoute, z } from "@hono/zod-openapi";
import { callFlows, callFlowVersions } from "@ringtrail/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { FlowListSchema, FlowSchema } from "./schemas";
import { loadFlow, renderFlow } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/call-flows",
  tags: ["Call flows"],
  summary: "List call flows with their latest versions",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Call flows", content: { "application/json": { schema: FlowListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/call-flows/{id}",
  tags: ["Call flows"],
  summary: "Get a call flow with its latest version",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Call flow", content: { "application/json": { schema: FlowSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerReadFlows(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const { accountId } = c.get("auth");
    const latest = services.database.db
      .select({
        flowId: callFlowVersions.flowId,
        version: sql<number>`max(${callFlowVersions.version})`.as("latest"),
      })
      .from(callFlowVersions)
      .groupBy(callFlowVersions.flowId)
      .as("latest");
    const rows = await services.database.db
      .select({ flow: callFlows, version: callFlowVersions })
      .from(callFlows)
      .innerJoin(latest, eq(latest.flowId, callFlows.id))
      .innerJoin(
        callFlowVersions,
        and(
          eq(callFlowVersions.flowId, callFlows.id),
          eq(callFlowVersions.version, latest.version),
        ),
      )
      .where(eq(callFlows.accountId, accountId))
      .orderBy(asc(callFlows.createdAt), asc(callFlows.id));
    return c.json({ data: rows.map((r) => renderFlow(r.flow, r.version)) }, 200);
  });

  app.openapi(get, async (c) => {
    return c.json(await loadFlow(services, c.get("auth").accountId, c.req.valid("param").id), 200);
  });
}
