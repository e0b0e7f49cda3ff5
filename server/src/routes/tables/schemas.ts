import { z } from "@hono/zod-openapi";
import { TABLE_NAME } from "../../sources/tables";

/** A JSON value stored in a row is at most this long, serialised. */
export const MAX_VALUE_BYTES = 16 * 1024;

export const TableParams = z.object({
  name: z
    .string()
    .regex(TABLE_NAME, "table names match [a-z_][a-z0-9_]* (at most 64)")
    .openapi({ param: { name: "name", in: "path" }, example: "vip" }),
});

export const RowParams = TableParams.extend({
  key: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: "key", in: "path" }, example: "+14155550100" }),
});

export const PutRowSchema = z
  .object({
    value: z
      .unknown()
      .refine((v) => v !== undefined, "value is required")
      .refine(
        (v) => JSON.stringify(v ?? null).length <= MAX_VALUE_BYTES,
        `value is at most ${MAX_VALUE_BYTES} bytes as JSON`,
      )
      .openapi({ description: "Any JSON value; flows read it as `<source>.value`" }),
  })
  .strict()
  .openapi("PutTableRow");

export const RowSchema = z
  .object({
    table: z.string(),
    key: z.string(),
    value: z.unknown(),
    updated_at: z.string(),
  })
  .openapi("TableRow");

export const RowListSchema = z
  .object({ data: z.array(RowSchema), next_cursor: z.string().nullable() })
  .openapi("TableRowList");

export const TableListSchema = z
  .object({ data: z.array(z.object({ name: z.string(), rows: z.number().int() })) })
  .openapi("TableList");

export const ListQuery = z.object({
  cursor: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
