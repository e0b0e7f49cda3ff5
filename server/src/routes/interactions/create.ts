import { createRoute } from "@hono/zod-openapi";
import { interactions } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { processInteraction } from "../../intel/process";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { renderInteraction } from "./render";
import { CreateInteractionSchema, InteractionSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/v1/interactions",
  tags: ["Interactions"],
  summary: "Record an interaction and interpret it",
  description:
    "Records a customer interaction on any channel, keyed by the customer's phone (E.164) or email. The models that fit its channel and content run (subject, sentiment, intent rules; spam only for calls, which carriers' transcription callbacks create), and the action is decided: response medium, the account's template for that subject and medium, and the on-duty specialist for the subject. Returns the stored result with each model's output and confidence.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateInteractionSchema } }, required: true },
  },
  responses: {
    201: {
      description: "Recorded",
      content: { "application/json": { schema: InteractionSchema } },
    },
    ...errorResponses(400, 401, 403, 413),
  },
});

export function registerCreateInteraction(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const { phone, email, ...customer } = body.customer;
    const processed = await processInteraction(services, accountId, {
      channel: body.channel,
      phone: phone ?? null,
      email: email ?? null,
      text: body.text,
      metadata: body.metadata,
      occurredAt: body.occurred_at ? Date.parse(body.occurred_at) : services.now(),
      customer,
    });
    await services.writer.write(processed.statements);
    const [row] = await services.database.db
      .select()
      .from(interactions)
      .where(eq(interactions.id, processed.id));
    return c.json(renderInteraction(row!), 201);
  });
}
