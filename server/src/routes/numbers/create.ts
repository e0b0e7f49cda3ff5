import { createRoute } from "@hono/zod-openapi";
import { numbers } from "@ringtrail/db";
import { eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { CreateNumberSchema, NumberSchema } from "./schemas";
import { existingNumbers, numberInsert, ownedPools, renderNumber } from "./store";

const route = createRoute({
  method: "post",
  path: "/v1/numbers",
  tags: ["Numbers"],
  summary: "Register a tracking number",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateNumberSchema } }, required: true },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: NumberSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function registerCreateNumber(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const { client, db } = services.database;
    if (body.pool && !(await ownedPools(client, accountId, [body.pool])).has(body.pool)) {
      throw new ApiError("not_found", "No such pool");
    }
    if ((await existingNumbers(client, [body.number])).size > 0) {
      throw new ApiError("conflict", `${body.number} is already registered`);
    }
    const now = services.now();
    const { id, stmt } = numberInsert(accountId, body, now);
    await client.execute(stmt);
    if (body.pool) services.pools.invalidate(body.pool);
    const [row] = await db.select().from(numbers).where(eq(numbers.id, id));
    return c.json(renderNumber(row!, now), 201);
  });
}
