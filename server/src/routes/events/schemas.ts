import { z } from "@hono/zod-openapi";
import { Attributes } from "../interactions/schemas";
import { PhoneField } from "../phone-field";

/** What an event can do; `sms` waits for the carrier SMS sender (not built here). */
export const CAMPAIGN_ACTIONS = ["audience_export", "webhook", "sms", "flag"] as const;
export const AVAILABLE_ACTIONS: ReadonlySet<string> = new Set([
  "audience_export",
  "webhook",
  "flag",
]);

const Codes = (schema: z.ZodString, max = 500) => z.array(schema).min(1).max(max).optional();

export const AreaSchema = z
  .object({
    countries: Codes(z.string().regex(/^[A-Za-z]{2}$/)),
    regions: Codes(z.string().regex(/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/)),
    postal_codes: Codes(z.string().regex(/^[A-Za-z0-9 -]{1,12}\*?$/), 5000).openapi({
      description: 'Exact codes, or prefixes ending in "*"',
    }),
    area_codes: Codes(z.string().regex(/^[2-9]\d{2}$/)),
    radius: z
      .object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        km: z.number().positive().max(5000),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), "area needs at least one criterion")
  .openapi("EventArea");

export const CreateEventSchema = z
  .object({
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/)
      .openapi({ example: "storm" }),
    name: z.string().min(1).max(200).optional(),
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }),
    area: AreaSchema,
    filters: Attributes.default({}).openapi({
      description: "Every filter must equal the customer's attribute of that name",
    }),
    actions: z
      .array(z.enum(CAMPAIGN_ACTIONS))
      .min(1)
      .openapi({ description: "`sms` needs `sms`: a sender and a message" }),
    sms: z
      .object({
        from: PhoneField.openapi({ description: "One of the account's numbers, at Twilio" }),
        body: z.string().min(1).max(640).openapi({
          example: "{{name}}: storm warning for your area. Reply STOP to opt out.",
          description: "`{{kind}}` and `{{name}}` are the event's",
        }),
      })
      .strict()
      .optional(),
    batch_size: z.number().int().min(1).max(1000).default(500),
  })
  .strict()
  .openapi("CreateEvent");

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: "cev_01jd8k2x4abcdefghjkm" }),
    kind: z.string(),
    name: z.string().nullable(),
    starts_at: z.string(),
    ends_at: z.string(),
    area: z.record(z.string(), z.unknown()),
    filters: z.record(z.string(), z.unknown()),
    actions: z.array(z.string()),
    sms: z.object({ from: z.string(), carrier: z.string(), body: z.string() }).nullable(),
    batch_size: z.number().int(),
    status: z.enum(["queued", "running", "done", "failed"]),
    progress: z.object({
      total: z.number().int().nullable(),
      processed: z.number().int(),
      batches: z.number().int(),
    }),
    matched_by: z.record(z.string(), z.number()).nullable().openapi({
      description: "Affected customers per area criterion type; one customer can count in several",
    }),
    created_at: z.string(),
  })
  .openapi("Event");

export const EventListSchema = z.object({ data: z.array(EventSchema) }).openapi("EventList");

export const AudienceQuerySchema = z.object({
  platform: z.enum(["google", "meta"]).default("google"),
});
