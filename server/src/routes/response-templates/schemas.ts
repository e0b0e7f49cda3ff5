import { z } from "@hono/zod-openapi";

const MEDIA = ["sms", "email", "callback", "chat"] as const;

export const CreateTemplateSchema = z
  .object({
    subject: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/)
      .openapi({ example: "billing" }),
    medium: z.enum(MEDIA),
    body: z.string().min(1).max(4000).openapi({
      example: "Hi {{name}}, we're looking into your {{subject}} question.",
      description: "`{{subject}}`, `{{channel}}` and the customer's attributes are filled in",
    }),
  })
  .strict()
  .openapi("CreateResponseTemplate");

export const UpdateTemplateSchema = z
  .object({ body: z.string().min(1).max(4000) })
  .strict()
  .openapi("UpdateResponseTemplate");

export const TemplateSchema = z
  .object({
    id: z.string().openapi({ example: "tpl_01jd8k2x4abcdefghjkm" }),
    subject: z.string(),
    medium: z.enum(MEDIA),
    body: z.string(),
    created_at: z.string(),
  })
  .openapi("ResponseTemplate");

export const TemplateListSchema = z
  .object({ data: z.array(TemplateSchema) })
  .openapi("ResponseTemplateList");
