import { z } from "@hono/zod-openapi";
import { PhoneField } from "../phone-field";

export const PutTestNumbersSchema = z
  .object({
    numbers: z
      .array(PhoneField)
      .max(100)
      .openapi({ description: "Every test caller number of the account (replaces the list)" }),
  })
  .strict()
  .openapi("PutTestNumbers");

export const TestNumberListSchema = z
  .object({
    data: z.array(z.object({ number: z.string(), created_at: z.string() })),
  })
  .openapi("TestNumberList");

export type TestNumberList = z.infer<typeof TestNumberListSchema>;
