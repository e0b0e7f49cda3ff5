import { createRoute, z } from "@hono/zod-openapi";
import { interactions } from "@ringtrail/db";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { decodeCursor, encodeCursor, renderInteraction } from "./render";
import { InteractionListQuerySchema, InteractionListSchema, InteractionSchema } from "./schemas";

const list = createRoute({
  method: "get",
  path: "/v1/interactions",
  tags: ["Interactions"],
  summary: "List interactions with their model outputs",
  description: "Newest first. Pass `next_cursor` back as `cursor` for the next page.",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { query: InteractionListQuerySchema },
  responses: {
    200: {
      description: "Interactions",
      content: { "application/json": { schema: InteractionListSchema } },
    },
    ...errorResponses(400, 401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/interactions/{id}",
  tags: ["Interactions"],
  summary: "Get an interaction with its model outputs and action",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: {
      description: "Interaction",
      content: { "application/json": { schema: InteractionSchema } },
    },
    ...errorResponses(401, 404),
  },
});

export function registerReadInteractions(app: App, services: Services) {
  const { db } = services.database;
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: (SQL | undefined)[] = [eq(interactions.accountId, c.get("auth").accountId)];
    if (q.channel) where.push(eq(interactions.channel, q.channel));
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      where.push(
        or(
          lt(interactions.occurredAt, after.occurredAt),
          and(eq(interactions.occurredAt, after.occurredAt), lt(interactions.id, after.id)),
        ),
      );
    }
    const rows = await db
      .select()
      .from(interactions)
      .where(and(...where))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor(last) : null;
    return c.json({ data: page.map(renderInteraction), next_cursor: next }, 200);
  });

  app.openapi(get, async (c) => {
    const [row] = await db
      .select()
      .from(interactions)
      .where(
        and(
          eq(interactions.id, c.req.valid("param").id),
          eq(interactions.accountId, c.get("auth").accountId),
        ),
      );
    if (!row) throw new ApiError("not_found", "No such interaction");
    return c.json(renderInteraction(row), 200);
  });
}
