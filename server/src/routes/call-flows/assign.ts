import { createRoute, z } from "@hono/zod-openapi";
import { numbers } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { findNumber } from "../numbers/read";
import { errorResponses } from "../openapi-errors";
import { findFlow } from "./store";

const AssignSchema = z
  .object({
    call_flow: z.string().max(64).nullable().openapi({
      description:
        "The flow whose active version routes the number's calls; null forwards to forward_to",
    }),
  })
  .strict()
  .openapi("NumberCallFlow");

const AssignedSchema = z
  .object({ number: z.string(), call_flow: z.string().nullable() })
  .openapi("NumberCallFlowAssigned");

const route = createRoute({
  method: "put",
  path: "/v1/numbers/{id}/call-flow",
  tags: ["Call flows"],
  summary: "Route a tracking number's calls through a call flow (or stop doing so)",
  description:
    "Calls run the flow's active version; until a version is activated they are forwarded to the number's forward_to.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: AssignSchema } }, required: true },
  },
  responses: {
    200: { description: "Assigned", content: { "application/json": { schema: AssignedSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerAssignFlow(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const number = await findNumber(services, accountId, c.req.valid("param").id);
    const flowId = c.req.valid("json").call_flow;
    if (flowId !== null) await findFlow(services, accountId, flowId);
    await services.database.db
      .update(numbers)
      .set({ callFlowId: flowId })
      .where(and(eq(numbers.id, number.id), eq(numbers.accountId, accountId)));
    return c.json({ number: number.id, call_flow: flowId }, 200);
  });
}
