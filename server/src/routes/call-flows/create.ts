import { createRoute, z } from "@hono/zod-openapi";
import { callFlows, callFlowVersions, newId } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { CreateFlowSchema, FlowSchema, NewVersionSchema } from "./schemas";
import { findFlow, findVersion, flowOptions, loadFlow, renderFlow, versionRow } from "./store";

const create = createRoute({
  method: "post",
  path: "/v1/call-flows",
  tags: ["Call flows"],
  summary: "Create a call flow; its document is saved as version 1 with the validation verdict",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateFlowSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: FlowSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const addVersion = createRoute({
  method: "put",
  path: "/v1/call-flows/{id}/versions",
  tags: ["Call flows"],
  summary: "Save a new version of a call flow (a draft when it does not validate)",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: NewVersionSchema } }, required: true },
  },
  responses: {
    201: { description: "Saved", content: { "application/json": { schema: FlowSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerWriteFlows(app: App, services: Services) {
  app.openapi(create, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const now = services.now();
    const flow = {
      id: newId("flow", now),
      accountId,
      name: body.name,
      activeVersion: null,
      createdAt: now,
      updatedAt: now,
    };
    const version = versionRow(
      flow.id,
      1,
      body.document,
      now,
      await flowOptions(services, accountId),
    );
    const { db } = services.database;
    await db.batch([
      db.insert(callFlows).values(flow),
      db.insert(callFlowVersions).values(version),
    ]);
    return c.json(renderFlow(flow, version), 201);
  });

  app.openapi(addVersion, async (c) => {
    const { accountId } = c.get("auth");
    const flow = await findFlow(services, accountId, c.req.valid("param").id);
    const latest = await findVersion(services, flow.id);
    const now = services.now();
    const options = await flowOptions(services, accountId);
    const version = versionRow(
      flow.id,
      latest.version + 1,
      c.req.valid("json").document,
      now,
      options,
    );
    const { db } = services.database;
    // The primary key (flow_id, version) refuses a concurrent save of the same number.
    await db.batch([
      db.insert(callFlowVersions).values(version),
      db.update(callFlows).set({ updatedAt: now }).where(eq(callFlows.id, flow.id)),
    ]);
    return c.json(await loadFlow(services, accountId, flow.id), 201);
  });
}
