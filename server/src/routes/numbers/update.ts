import { createRoute, z } from "@hono/zod-openapi";
import { numbers } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { findNumber } from "./read";
import { NumberSchema, UpdateNumberSchema } from "./schemas";
import { ownedPools, renderNumber } from "./store";

const route = createRoute({
  method: "patch",
  path: "/v1/numbers/{id}",
  tags: ["Numbers"],
  summary: "Move a number between pools, change its status or forward target",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: UpdateNumberSchema } }, required: true },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: NumberSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerUpdateNumber(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    let row = await findNumber(services, accountId, id);
    if (
      body.pool &&
      !(await ownedPools(services.database.client, accountId, [body.pool])).has(body.pool)
    ) {
      throw new ApiError("not_found", "No such pool");
    }
    const set = { poolId: body.pool, forwardTo: body.forward_to, status: body.status };
    if (Object.values(set).some((v) => v !== undefined)) {
      [row] = (await services.database.db
        .update(numbers)
        .set(set)
        .where(and(eq(numbers.id, id), eq(numbers.accountId, accountId)))
        .returning()) as [typeof row];
      services.pools.invalidate();
    }
    return c.json(renderNumber(row, services.now()), 200);
  });
}
