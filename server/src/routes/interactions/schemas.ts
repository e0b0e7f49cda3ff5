import { z } from "@hono/zod-openapi";
import { INTERACTION_CHANNELS } from "@ringtrail/db";
import { PhoneField } from "../phone-field";

const Attribute = z.union([z.string().max(500), z.number(), z.boolean()]);

export const Attributes = z
  .record(z.string().min(1).max(64), Attribute)
  .refine((r) => Object.keys(r).length <= 50, "at most 50 attributes");

/** Ad platforms and our matching compare addresses lowercased and trimmed. */
const EmailField = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const CreateInteractionSchema = z
  .object({
    channel: z.enum(INTERACTION_CHANNELS),
    customer: z
      .object({
        phone: PhoneField.optional(),
        email: EmailField.optional(),
        country: z
          .string()
          .regex(/^[A-Za-z]{2}$/)
          .optional(),
        region: z
          .string()
          .regex(/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/)
          .optional()
          .openapi({ example: "US-TX" }),
        postal_code: z.string().min(1).max(16).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
        attributes: Attributes.optional(),
      })
      .strict()
      .refine(
        (c) => c.phone !== undefined || c.email !== undefined,
        "customer needs a phone or an email",
      )
      .openapi({
        description: "The customer's key (phone, else email) and what the account knows of them",
      }),
    text: z.string().max(20_000),
    metadata: z
      .record(z.string().max(64), z.unknown())
      .refine((m) => JSON.stringify(m).length <= 16_384, "metadata is limited to 16 KiB as JSON")
      .default({}),
    occurred_at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "Defaults to now" }),
  })
  .strict()
  .openapi("CreateInteraction");

const ModelOutputSchema = z.object({
  model: z.enum(["subject", "sentiment", "intent_rules", "spam"]),
  output: z.record(z.string(), z.unknown()),
  confidence: z.number().nullable(),
});

export const InteractionSchema = z
  .object({
    id: z.string().openapi({ example: "itx_01jd8k2x4abcdefghjkm" }),
    channel: z.enum(INTERACTION_CHANNELS),
    customer: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
    text: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    occurred_at: z.string(),
    call_id: z.string().nullable(),
    models: z.array(ModelOutputSchema),
    action: z.object({
      spam: z.boolean(),
      subject: z.string().nullable(),
      intent: z.string().nullable(),
      urgency: z.enum(["low", "normal", "high"]),
      medium: z.string().nullable(),
      medium_rule: z.string().nullable(),
      medium_reason: z.string().nullable(),
      message: z.string().nullable(),
      template_id: z.string().nullable(),
      route_to: z
        .object({ agent_id: z.string(), contact: z.string(), channel_type: z.string() })
        .nullable(),
    }),
    context: z.object({
      earlier_interactions: z.number().int(),
      recent: z.array(z.record(z.string(), z.unknown())),
      sessions: z.array(z.record(z.string(), z.unknown())),
      channels: z.array(z.string()),
      customer_state: z
        .object({
          source: z.enum(["table", "http"]),
          found: z.boolean(),
          value: z.unknown(),
          reason: z.string().nullable(),
        })
        .nullable()
        .openapi({ description: "From the account's customer-state source; null without one" }),
    }),
    created_at: z.string(),
  })
  .openapi("Interaction");

export const InteractionListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  channel: z.enum(INTERACTION_CHANNELS).optional(),
});

export const InteractionListSchema = z
  .object({ data: z.array(InteractionSchema), next_cursor: z.string().nullable() })
  .openapi("InteractionList");

export type InteractionBody = z.infer<typeof InteractionSchema>;
