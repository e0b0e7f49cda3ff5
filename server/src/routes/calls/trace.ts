import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { callTraces } from "../../flows/trace-store";
import { requireKey } from "../../middleware/api-key";
import { TraceEntrySchema } from "../call-flows/schemas";
import { errorResponses } from "../openapi-errors";

const CallTraceSchema = z
  .object({
    call: z.string(),
    decisions: z.array(
      z.object({
        stage: z.string().openapi({ description: "`voice`, or `cb:…` for an action callback" }),
        flow: z.string().nullable(),
        version: z.number().int().nullable(),
        at: z.string(),
        fallback: z
          .boolean()
          .openapi({ description: "The default target was dialed after an error" }),
        decision: z.unknown(),
        trace: z.array(TraceEntrySchema),
      }),
    ),
  })
  .openapi("CallFlowTrace");

const route = createRoute({
  method: "get",
  path: "/v1/calls/{id}/trace",
  tags: ["Calls"],
  summary: "Every call-flow decision taken on the call, with its trace",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Trace", content: { "application/json": { schema: CallTraceSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerCallTrace(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const found = await services.database.reads.execute({
      sql: "SELECT id FROM calls WHERE id = ? AND account_id = ?",
      args: [id, c.get("auth").accountId],
    });
    if (!found.rows[0]) throw new ApiError("not_found", "No such call");
    const decisions = await callTraces(services, id);
    return c.json(
      { call: id, decisions: decisions as z.infer<typeof CallTraceSchema>["decisions"] },
      200,
    );
  });
}
