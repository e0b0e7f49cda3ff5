import { createRoute } from "@hono/zod-openapi";
import type { InStatement } from "@libsql/client";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { PutTestNumbersSchema, type TestNumberList, TestNumberListSchema } from "./schemas";

const list = createRoute({
  method: "get",
  path: "/v1/test-numbers",
  tags: ["Attribution"],
  summary: "List test caller numbers",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "Test numbers",
      content: { "application/json": { schema: TestNumberListSchema } },
    },
    ...errorResponses(401),
  },
});

const put = createRoute({
  method: "put",
  path: "/v1/test-numbers",
  tags: ["Attribution"],
  summary: "Replace the test caller numbers",
  description:
    "Calls from these numbers (the account's own staff testing its lines) are stored and matched like any other, labelled `test: true`, listed by `/v1/calls` only with `include_test=1`, and left out of every report. Calls already stored are relabelled.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: PutTestNumbersSchema } }, required: true },
  },
  responses: {
    200: {
      description: "The new list",
      content: { "application/json": { schema: TestNumberListSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

async function readList(services: Services, accountId: string): Promise<TestNumberList> {
  const { rows } = await services.database.client.execute({
    sql: "SELECT e164, created_at FROM test_numbers WHERE account_id = ? ORDER BY e164",
    args: [accountId],
  });
  return {
    data: rows.map((r) => ({
      number: String(r.e164),
      created_at: new Date(Number(r.created_at)).toISOString(),
    })),
  };
}

export function registerTestNumbers(app: App, services: Services) {
  app.openapi(list, async (c) => c.json(await readList(services, c.get("auth").accountId), 200));

  app.openapi(put, async (c) => {
    const { accountId } = c.get("auth");
    const wanted = [...new Set(c.req.valid("json").numbers)];
    const before = (await readList(services, accountId)).data.map((n) => n.number);
    const removed = before.filter((n) => !wanted.includes(n));
    const now = services.now();
    const marks = (list: readonly string[]) => list.map(() => "?").join(", ");
    const stmts: InStatement[] = [];
    if (removed.length > 0) {
      stmts.push(
        {
          sql: `DELETE FROM test_numbers WHERE account_id = ? AND e164 IN (${marks(removed)})`,
          args: [accountId, ...removed],
        },
        {
          sql: `UPDATE calls SET is_test = 0 WHERE account_id = ? AND "from" IN (${marks(removed)})`,
          args: [accountId, ...removed],
        },
      );
    }
    for (const number of wanted) {
      stmts.push({
        sql: "INSERT INTO test_numbers (account_id, e164, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        args: [accountId, number, now],
      });
    }
    if (wanted.length > 0) {
      stmts.push({
        sql: `UPDATE calls SET is_test = 1 WHERE account_id = ? AND "from" IN (${marks(wanted)})`,
        args: [accountId, ...wanted],
      });
    }
    // One batch: the list and the labels of stored calls change together.
    if (stmts.length > 0) await services.database.client.batch(stmts, "write");
    return c.json(await readList(services, accountId), 200);
  });
}
