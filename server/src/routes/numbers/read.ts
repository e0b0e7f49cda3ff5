import { createRoute, z } from "@hono/zod-openapi";
import { numbers } from "@ringtrail/db";
import { and, asc, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { NumberListSchema, NumberSchema } from "./schemas";
import { renderNumber } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/numbers",
  tags: ["Numbers"],
  summary: "List tracking numbers",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { query: z.object({ pool: z.string().max(64).optional() }) },
  responses: {
    200: { description: "Numbers", content: { "application/json": { schema: NumberListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/numbers/{id}",
  tags: ["Numbers"],
  summary: "Get a tracking number",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Number", content: { "application/json": { schema: NumberSchema } } },
    ...errorResponses(401, 404),
  },
});

export async function findNumber(services: Services, accountId: string, id: string) {
  const [row] = await services.database.db
    .select()
    .from(numbers)
    .where(and(eq(numbers.id, id), eq(numbers.accountId, accountId)));
  if (!row) throw new ApiError("not_found", "No such number");
  return row;
}

export function registerReadNumbers(app: App, services: Services) {
  app.openapi(list, async (c) => {
    const { accountId } = c.get("auth");
    const { pool } = c.req.valid("query");
    const rows = await services.database.db
      .select()
      .from(numbers)
      .where(
        pool
          ? and(eq(numbers.accountId, accountId), eq(numbers.poolId, pool))
          : eq(numbers.accountId, accountId),
      )
      .orderBy(asc(numbers.createdAt), asc(numbers.e164));
    const now = services.now();
    return c.json({ data: rows.map((n) => renderNumber(n, now)) }, 200);
  });
  app.openapi(get, async (c) => {
    const row = await findNumber(services, c.get("auth").accountId, c.req.valid("param").id);
    return c.json(renderNumber(row, services.now()), 200);
  });
}
