import { createRoute, z } from "@hono/zod-openapi";
import { calls } from "@ringtrail/db";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { loadAttribution } from "./attribution-read";
import { decodeCursor, encodeCursor, renderCall } from "./render";
import { CallListQuerySchema, CallListSchema, CallSchema } from "./schemas";

const list = createRoute({
  method: "get",
  path: "/v1/calls",
  tags: ["Calls"],
  summary: "List calls",
  description:
    "The account's calls, newest first, with caller data and status. Pass `next_cursor` back as `cursor` for the next page. Calls from the account's test numbers are left out unless `include_test=1`. Each call carries its candidates (`matches`, most probable first), the probability that none of them produced it (`unattributed`), and its credit under every model.",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { query: CallListQuerySchema },
  responses: {
    200: { description: "Calls", content: { "application/json": { schema: CallListSchema } } },
    ...errorResponses(400, 401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/calls/{id}",
  tags: ["Calls"],
  summary: "Get a call",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Call", content: { "application/json": { schema: CallSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerReadCalls(app: App, services: Services) {
  const { db } = services.database;
  app.openapi(list, async (c) => {
    const { accountId } = c.get("auth");
    const q = c.req.valid("query");
    const where: (SQL | undefined)[] = [eq(calls.accountId, accountId)];
    const includeTest = q.include_test === "1" || q.include_test === "true";
    if (!includeTest) where.push(eq(calls.isTest, false));
    if (q.from) where.push(gte(calls.startedAt, Date.parse(q.from)));
    if (q.to) where.push(lt(calls.startedAt, Date.parse(q.to)));
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      where.push(
        or(
          lt(calls.startedAt, after.startedAt),
          and(eq(calls.startedAt, after.startedAt), lt(calls.id, after.id)),
        ),
      );
    }
    // One extra row tells whether there is a next page without a count query.
    const rows = await db
      .select()
      .from(calls)
      .where(and(...where))
      .orderBy(desc(calls.startedAt), desc(calls.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor(last) : null;
    const attribution = await loadAttribution(
      services.database.reads,
      page.map((r) => r.id),
    );
    return c.json(
      { data: page.map((r) => renderCall(r, attribution.get(r.id))), next_cursor: next },
      200,
    );
  });
  app.openapi(get, async (c) => {
    const [row] = await db
      .select()
      .from(calls)
      .where(
        and(eq(calls.id, c.req.valid("param").id), eq(calls.accountId, c.get("auth").accountId)),
      );
    if (!row) throw new ApiError("not_found", "No such call");
    const attribution = await loadAttribution(services.database.reads, [row.id]);
    return c.json(renderCall(row, attribution.get(row.id)), 200);
  });
}
