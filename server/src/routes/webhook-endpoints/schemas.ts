import { z } from "@hono/zod-openapi";
import { endpointUrlProblem } from "../../outbound/endpoint-url";

const EventType = z
  .string()
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)+)$/, "an event type like `request.routed`, or `*`");

export const CreateWebhookEndpointSchema = z
  .object({
    url: z
      .string()
      .max(2000)
      .superRefine((value, ctx) => {
        const problem = endpointUrlProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: `url ${problem}` });
      })
      .openapi({ example: "https://hooks.example.com/ringtrail" }),
    events: z
      .array(EventType)
      .min(1)
      .max(50)
      .openapi({ example: ["request.routed", "interaction.processed"] }),
  })
  .strict()
  .openapi("CreateWebhookEndpoint");

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: "whe_01jd8k2x4abcdefghjkm" }),
    url: z.string(),
    events: z.array(z.string()),
    created_at: z.string(),
  })
  .openapi("WebhookEndpoint");

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description:
      "Signing secret (Standard Webhooks, `whsec_…`). Shown once: store it now; it is kept sealed and never returned again.",
  }),
}).openapi("CreatedWebhookEndpoint");

export const WebhookEndpointListSchema = z
  .object({ data: z.array(WebhookEndpointSchema) })
  .openapi("WebhookEndpointList");

export const EndpointIdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
