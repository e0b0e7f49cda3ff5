import { z } from "@hono/zod-openapi";
import { PhoneField } from "../phone-field";

export const CARRIERS = ["twilio", "telnyx", "signalwire"] as const;

export const CreateNumberSchema = z
  .object({
    number: PhoneField,
    carrier: z.enum(CARRIERS),
    pool: z.string().max(64).nullable().default(null),
    forward_to: PhoneField.nullable().default(null),
    kind: z
      .enum(["local", "toll_free"])
      .optional()
      .openapi({ description: "Derived from the number when omitted" }),
    status: z.enum(["active", "quarantined", "retired"]).default("active"),
  })
  .strict()
  .openapi("CreateNumber");

export const UpdateNumberSchema = z
  .object({
    pool: z.string().max(64).nullable(),
    forward_to: PhoneField.nullable(),
    status: z.enum(["active", "quarantined", "retired"]),
  })
  .partial()
  .strict()
  .openapi("UpdateNumber");

export const NumberSchema = z
  .object({
    id: z.string().openapi({ example: "num_0123456789abcdef" }),
    number: z.string(),
    display: z.string(),
    carrier: z.string(),
    pool: z.string().nullable(),
    region: z.string().nullable().openapi({ example: "US-CA" }),
    kind: z.enum(["local", "toll_free"]),
    status: z.enum(["active", "quarantined", "retired"]),
    forward_to: z.string().nullable(),
    leased: z.boolean(),
    created_at: z.string(),
  })
  .openapi("TrackingNumber");

export const NumberListSchema = z.object({ data: z.array(NumberSchema) }).openapi("NumberList");

export const ImportReportSchema = z
  .object({
    dry_run: z.boolean(),
    created: z.array(
      z.object({ line: z.number().int(), id: z.string().nullable(), number: z.string() }),
    ),
    refused: z.array(
      z.object({
        line: z.number().int(),
        number: z.string().nullable(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .openapi("NumberImportReport");

export type CreateNumberBody = z.infer<typeof CreateNumberSchema>;
