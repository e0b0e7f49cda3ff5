import { createRoute, z } from "@hono/zod-openapi";
import { agents } from "@ringtrail/db";
import { asc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { AgentListSchema, AgentSchema } from "./schemas";
import { findAgent, loadAgents } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/agents",
  tags: ["Agents"],
  summary: "List agents with their shifts",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Agents", content: { "application/json": { schema: AgentListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/agents/{id}",
  tags: ["Agents"],
  summary: "Get an agent with its shifts",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Agent", content: { "application/json": { schema: AgentSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerReadAgents(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const rows = await services.database.db
      .select()
      .from(agents)
      .where(eq(agents.accountId, c.get("auth").accountId))
      .orderBy(asc(agents.createdAt), asc(agents.id));
    return c.json({ data: await loadAgents(services, rows) }, 200);
  });

  app.openapi(get, async (c) => {
    const agent = await findAgent(services, c.get("auth").accountId, c.req.valid("param").id);
    const [body] = await loadAgents(services, [agent]);
    return c.json(body!, 200);
  });
}
