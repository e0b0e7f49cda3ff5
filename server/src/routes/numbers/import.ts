import { createRoute, z } from "@hono/zod-openapi";
import type { InStatement } from "@libsql/client";
import type { App, Services } from "../../context";
import { ApiError, issuesOf } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { parseCsv } from "./csv";
import { type CreateNumberBody, CreateNumberSchema, ImportReportSchema } from "./schemas";
import { existingNumbers, numberInsert, ownedPools } from "./store";

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 10_000;
const COLUMNS = ["number", "carrier", "pool", "forward_to", "kind", "status"] as const;

const route = createRoute({
  method: "post",
  path: "/v1/numbers/import",
  tags: ["Numbers"],
  summary: "Import tracking numbers from CSV",
  description:
    "Header row required; columns: number, carrier (required), pool, forward_to, kind, status. Every row is validated; valid rows are created in one transaction and every refused row is reported with its line. `?dry_run=1` validates without writing.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    query: z.object({ dry_run: z.enum(["0", "1", "true", "false"]).optional() }),
    body: { content: { "text/csv": { schema: z.string() } }, required: true },
  },
  responses: {
    200: {
      description: "What was created and what was refused",
      content: { "application/json": { schema: ImportReportSchema } },
    },
    ...errorResponses(400, 401, 403, 413),
  },
});

type Refusal = z.infer<typeof ImportReportSchema>["refused"][number];

export function registerImportNumbers(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const dryRun = ["1", "true"].includes(c.req.valid("query").dry_run ?? "");
    if (Number(c.req.header("content-length") ?? 0) > MAX_BYTES)
      throw new ApiError("payload_too_large", "CSV larger than 2 MiB");
    const text = await c.req.text();
    if (text.length > MAX_BYTES) throw new ApiError("payload_too_large", "CSV larger than 2 MiB");
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    if (!header) throw new ApiError("validation_failed", "The CSV is empty");
    const names = header.cells.map((h) => h.trim().toLowerCase());
    const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
    if (!names.includes("number") || !names.includes("carrier") || unknown.length > 0) {
      throw new ApiError(
        "validation_failed",
        `Header must name number and carrier, and only ${COLUMNS.join(", ")}`,
        { unknown },
      );
    }
    if (rows.length > MAX_ROWS)
      throw new ApiError("payload_too_large", `At most ${MAX_ROWS} rows per import`);

    const refused: Refusal[] = [];
    const valid: { line: number; body: CreateNumberBody }[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const record = Object.fromEntries(
        names.map((n, i) => [n, row.cells[i]?.trim() || undefined]),
      );
      const parsed = CreateNumberSchema.safeParse({
        ...record,
        pool: record.pool ?? null,
        forward_to: record.forward_to ?? null,
      });
      if (!parsed.success) {
        const issue = issuesOf(parsed.error)[0];
        const code = issue?.message.startsWith("invalid_phone_number")
          ? "invalid_phone_number"
          : "validation_failed";
        refused.push({
          line: row.line,
          number: record.number ?? null,
          code,
          message: `${issue?.path}: ${issue?.message}`,
        });
      } else if (seen.has(parsed.data.number)) {
        refused.push({
          line: row.line,
          number: parsed.data.number,
          code: "duplicate_in_file",
          message: "Listed twice in this file",
        });
      } else {
        seen.add(parsed.data.number);
        valid.push({ line: row.line, body: parsed.data });
      }
    }
    const { client } = services.database;
    const exists = await existingNumbers(
      client,
      valid.map((v) => v.body.number),
    );
    const pools = await ownedPools(client, accountId, [
      ...new Set(valid.flatMap((v) => (v.body.pool ? [v.body.pool] : []))),
    ]);
    const now = services.now();
    const stmts: InStatement[] = [];
    const created: { line: number; id: string | null; number: string }[] = [];
    for (const v of valid) {
      if (exists.has(v.body.number)) {
        refused.push({
          line: v.line,
          number: v.body.number,
          code: "conflict",
          message: "Already registered",
        });
      } else if (v.body.pool && !pools.has(v.body.pool)) {
        refused.push({
          line: v.line,
          number: v.body.number,
          code: "unknown_pool",
          message: `No such pool ${v.body.pool}`,
        });
      } else {
        const { id, stmt } = numberInsert(accountId, v.body, now);
        stmts.push(stmt);
        created.push({ line: v.line, id: dryRun ? null : id, number: v.body.number });
      }
    }
    if (!dryRun && stmts.length > 0) {
      await client.batch(stmts, "write");
      for (const p of pools) services.pools.invalidate(p);
    }
    refused.sort((a, b) => a.line - b.line);
    return c.json({ dry_run: dryRun, created, refused }, 200);
  });
}
