import { createRoute, z } from "@hono/zod-openapi";
import { shiftError } from "@ringtrail/core/flow";
import { agents, newId, shifts } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { AgentSchema, CreateAgentSchema, CreateShiftSchema, ShiftSchema } from "./schemas";
import { findAgent, renderAgent, renderShift } from "./store";

const createAgent = createRoute({
  method: "post",
  path: "/v1/agents",
  tags: ["Agents"],
  summary: "Create an on-duty agent with a contact per channel type",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateAgentSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: AgentSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const createShift = createRoute({
  method: "post",
  path: "/v1/agents/{id}/shifts",
  tags: ["Agents"],
  summary: "Add a recurring shift to an agent",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: CreateShiftSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: ShiftSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerCreateAgents(app: App, services: Services) {
  app.openapi(createAgent, async (c) => {
    const body = c.req.valid("json");
    const missing = body.channel_types.find((t) => body.contacts[t] === undefined);
    if (missing) {
      throw new ApiError("validation_failed", `contacts.${missing} is needed to serve ${missing}`);
    }
    const now = services.now();
    const row = {
      id: newId("agt", now),
      accountId: c.get("auth").accountId,
      name: body.name,
      contacts: body.contacts,
      channelTypes: [...new Set(body.channel_types)],
      createdAt: now,
    };
    await services.database.db.insert(agents).values(row);
    return c.json(renderAgent(row, []), 201);
  });

  app.openapi(createShift, async (c) => {
    const { accountId } = c.get("auth");
    const agent = await findAgent(services, accountId, c.req.valid("param").id);
    const body = c.req.valid("json");
    const channelTypes = [...new Set(body.channel_types ?? agent.channelTypes)];
    const unserved = channelTypes.find((t) => !agent.channelTypes.includes(t));
    if (unserved) throw new ApiError("validation_failed", `The agent does not serve ${unserved}`);
    const now = services.now();
    const id = newId("shf", now);
    const error = shiftError({
      id,
      agentId: agent.id,
      rrule: body.rrule,
      timeZone: body.time_zone,
      durationMinutes: body.duration_min,
    });
    if (error) throw new ApiError("validation_failed", error);
    const row = {
      id,
      accountId,
      agentId: agent.id,
      rrule: body.rrule,
      timeZone: body.time_zone,
      durationMin: body.duration_min,
      channelTypes,
      createdAt: now,
    };
    await services.database.db.insert(shifts).values(row);
    return c.json(renderShift(row), 201);
  });
}
