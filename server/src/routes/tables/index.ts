import { createRoute } from "@hono/zod-openapi";
import type { LookupRow } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import {
  deleteTableRow,
  getTableRow,
  listTableRows,
  listTables,
  putTableRow,
} from "../../sources/tables";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import {
  ListQuery,
  PutRowSchema,
  RowListSchema,
  RowParams,
  RowSchema,
  TableListSchema,
  TableParams,
} from "./schemas";

const base = { tags: ["Tables"], security: [{ bearer: [] }] };
const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const listRoute = createRoute({
  ...base,
  method: "get",
  path: "/v1/tables",
  summary: "The account's lookup tables (e.g. a VIP list) with their row counts",
  middleware: [requireKey("read")] as const,
  responses: { 200: json(TableListSchema, "Tables"), ...errorResponses(401) },
});

const rowsRoute = createRoute({
  ...base,
  method: "get",
  path: "/v1/tables/{name}/rows",
  summary: "A page of a table's rows, in key order",
  middleware: [requireKey("read")] as const,
  request: { params: TableParams, query: ListQuery },
  responses: { 200: json(RowListSchema, "Rows"), ...errorResponses(400, 401) },
});

const putRoute = createRoute({
  ...base,
  method: "put",
  path: "/v1/tables/{name}/rows/{key}",
  summary: "Set a row (created or replaced); a flow's `table` source reads it by key",
  middleware: [requireKey("admin")] as const,
  request: {
    params: RowParams,
    body: { content: { "application/json": { schema: PutRowSchema } }, required: true },
  },
  responses: { 200: json(RowSchema, "Stored row"), ...errorResponses(400, 401, 403) },
});

const getRoute = createRoute({
  ...base,
  method: "get",
  path: "/v1/tables/{name}/rows/{key}",
  summary: "Get a row",
  middleware: [requireKey("read")] as const,
  request: { params: RowParams },
  responses: { 200: json(RowSchema, "Row"), ...errorResponses(401, 404) },
});

const deleteRoute = createRoute({
  ...base,
  method: "delete",
  path: "/v1/tables/{name}/rows/{key}",
  summary: "Delete a row",
  middleware: [requireKey("admin")] as const,
  request: { params: RowParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

function render(row: LookupRow) {
  return { table: row.tableName, key: row.key, value: row.value, updated_at: iso(row.updatedAt)! };
}

export function registerTables(app: App, services: Services) {
  app.openapi(listRoute, async (c) => {
    return c.json({ data: await listTables(services, c.get("auth").accountId) }, 200);
  });

  app.openapi(rowsRoute, async (c) => {
    const { name } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const rows = await listTableRows(services, c.get("auth").accountId, name, limit + 1, cursor);
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? (page.at(-1)?.key ?? null) : null;
    return c.json({ data: page.map(render), next_cursor: next }, 200);
  });

  app.openapi(putRoute, async (c) => {
    const { name, key } = c.req.valid("param");
    const row = await putTableRow(services, {
      accountId: c.get("auth").accountId,
      tableName: name,
      key,
      value: c.req.valid("json").value ?? null,
      updatedAt: services.now(),
    });
    return c.json(render(row), 200);
  });

  app.openapi(getRoute, async (c) => {
    const { name, key } = c.req.valid("param");
    const row = await getTableRow(services, c.get("auth").accountId, name, key);
    if (!row) throw new ApiError("not_found", "No such row");
    return c.json(render(row), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { name, key } = c.req.valid("param");
    if (!(await deleteTableRow(services, c.get("auth").accountId, name, key)))
      throw new ApiError("not_found", "No such row");
    return c.body(null, 204);
  });
}
