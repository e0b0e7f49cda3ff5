import { z } from "@hono/zod-openapi";
import { REQUEST_CHANNELS } from "@ringtrail/db";
import { PhoneField } from "../phone-field";

export const CreateRequestSchema = z
  .object({
    channel: z.enum(REQUEST_CHANNELS).openapi({ description: "A web form is served as email" }),
    from: z
      .string()
      .min(1)
      .max(320)
      .openapi({ description: "Who sent it: a phone number, an email address or a chat handle" }),
    body: z.string().min(1).max(4000),
    number: PhoneField.optional().openapi({
      description:
        "For sms: the account's number it arrived on, and the one the forward is sent from",
    }),
  })
  .strict()
  .openapi("CreateRequest");

export const RequestSchema = z
  .object({
    id: z.string().openapi({ example: "inq_01jd8k2x4abcdefghjkm" }),
    channel: z.enum(REQUEST_CHANNELS),
    channel_type: z.enum(["sms", "email", "chat", "voice"]),
    from: z.string(),
    body: z.string(),
    agent: z
      .string()
      .nullable()
      .openapi({ description: "The on-duty agent it went to; null when nobody was on duty" }),
    contact: z.string().nullable(),
    status: z.string().openapi({
      description: "queued (delivery queued), sent / failed (sms), unrouted (nobody on duty)",
    }),
    created_at: z.string(),
  })
  .openapi("RoutedRequest");

export const RequestListSchema = z
  .object({ data: z.array(RequestSchema) })
  .openapi("RoutedRequestList");

export type RequestBody = z.infer<typeof RequestSchema>;
