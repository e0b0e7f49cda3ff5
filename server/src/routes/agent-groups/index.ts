import { createRoute } from "@hono/zod-openapi";
import { agentGroups, agents, newId } from "@ringtrail/db";
import { and, eq, inArray } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import {
  AgentGroupListSchema,
  AgentGroupSchema,
  CreateAgentGroupSchema,
  GroupIdParams,
} from "./schemas";
import { findGroup, renderGroup } from "./store";

const create = createRoute({
  method: "post",
  path: "/v1/agent-groups",
  tags: ["Agents"],
  summary: "Create a ring group of agents",
  description:
    'A call flow dials it with `{"dial": {"to": {"group": "grp_…"}, "mode": "simultaneous" | "sequential"}}`: every member\'s voice contact at once, or one after another in the listed order.',
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateAgentGroupSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: AgentGroupSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/agent-groups",
  tags: ["Agents"],
  summary: "List ring groups",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "Groups",
      content: { "application/json": { schema: AgentGroupListSchema } },
    },
    ...errorResponses(401),
  },
});

const read = createRoute({
  method: "get",
  path: "/v1/agent-groups/{id}",
  tags: ["Agents"],
  summary: "Get a ring group",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: GroupIdParams },
  responses: {
    200: {
      description: "The group",
      content: { "application/json": { schema: AgentGroupSchema } },
    },
    ...errorResponses(401, 404),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/agent-groups/{id}",
  tags: ["Agents"],
  summary: "Delete a ring group",
  description: "A flow that still dials it sends its calls to the flow's default target.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: { params: GroupIdParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

export function registerAgentGroups(app: App, services: Services) {
  app.openapi(create, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const ids = [...new Set(body.agents)];
    const found = await services.database.db
      .select({ id: agents.id, contacts: agents.contacts })
      .from(agents)
      .where(and(eq(agents.accountId, accountId), inArray(agents.id, ids)));
    // Another account's agent is as unknown as one that never existed.
    const unknown = ids.filter((id) => !found.some((a) => a.id === id));
    if (unknown.length > 0) {
      throw new ApiError("validation_failed", `Unknown agents: ${unknown.join(", ")}`);
    }
    const silent = found.filter((a) => !a.contacts.voice).map((a) => a.id);
    if (silent.length > 0) {
      throw new ApiError(
        "validation_failed",
        `Agents without a voice contact: ${silent.join(", ")}`,
      );
    }
    const now = services.now();
    const row = {
      id: newId("grp", now),
      accountId,
      name: body.name,
      agentIds: ids,
      createdAt: now,
    };
    await services.database.db.insert(agentGroups).values(row);
    return c.json(renderGroup(row), 201);
  });

  app.openapi(list, async (c) => {
    const rows = await services.database.db
      .select()
      .from(agentGroups)
      .where(eq(agentGroups.accountId, c.get("auth").accountId))
      .orderBy(agentGroups.id);
    return c.json({ data: rows.map(renderGroup) }, 200);
  });

  app.openapi(read, async (c) => {
    const group = await findGroup(services, c.get("auth").accountId, c.req.valid("param").id);
    if (!group) throw new ApiError("not_found", "No such agent group");
    return c.json(renderGroup(group), 200);
  });

  app.openapi(remove, async (c) => {
    const { accountId } = c.get("auth");
    const res = await services.database.db
      .delete(agentGroups)
      .where(
        and(eq(agentGroups.accountId, accountId), eq(agentGroups.id, c.req.valid("param").id)),
      );
    if (res.rowsAffected === 0) throw new ApiError("not_found", "No such agent group");
    return c.body(null, 204);
  });
}
