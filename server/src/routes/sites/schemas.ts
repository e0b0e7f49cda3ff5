import { z } from "@hono/zod-openapi";
import { PhoneField } from "../phone-field";

const Origin = z
  .string()
  .regex(
    /^(https?:\/\/[a-z0-9.-]+(:\d{1,5})?|\*)$/i,
    "must be an origin like https://example.com, without a path",
  )
  .transform((o) => o.toLowerCase());

const siteFields = {
  name: z.string().min(1).max(200),
  origins: z.array(Origin).min(1).max(50),
  targets: z.array(PhoneField).min(1).max(20),
  /** How long a number stays with a visitor after their last heartbeat. */
  hold_s: z
    .number()
    .int()
    .min(60)
    .max(7 * 86400),
  /** Bounds of the learned hold time; set both to learn it, null both to keep `hold_s`. */
  hold_min_s: z
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .nullable(),
  hold_max_s: z
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .nullable(),
  /** Share of visits that explore number characteristics (Thompson sampling); 0 turns learning off. */
  exploration: z.number().min(0).max(1),
  /** Monthly price of one number in cents, for the pool report's costs. */
  number_price_cents: z.number().int().min(0).max(1_000_000),
  /** Days a number taken out of a pool cools down before it returns. */
  quarantine_days: z.number().int().min(0).max(365),
};

/** Both hold bounds or neither, and min ≤ max. */
export function holdBoundsProblem(min: number | null, max: number | null): string | null {
  if ((min === null) !== (max === null)) return "set both hold_min_s and hold_max_s, or neither";
  if (min !== null && max !== null && min > max) return "hold_min_s must not exceed hold_max_s";
  return null;
}

export const CreateSiteSchema = z
  .object({
    ...siteFields,
    hold_s: siteFields.hold_s.default(1800),
    hold_min_s: siteFields.hold_min_s.default(null),
    hold_max_s: siteFields.hold_max_s.default(null),
    exploration: siteFields.exploration.default(0.05),
    number_price_cents: siteFields.number_price_cents.default(115),
    quarantine_days: siteFields.quarantine_days.default(14),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = holdBoundsProblem(v.hold_min_s, v.hold_max_s);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["hold_min_s"] });
  })
  .openapi("CreateSite");

export const UpdateSiteSchema = z.object(siteFields).partial().strict().openapi("UpdateSite");

export const SiteSchema = z
  .object({
    id: z.string().openapi({ example: "site_0123456789abcdef" }),
    public_key: z.string().openapi({ example: "pk_0123456789abcdef0123456789abcdef" }),
    name: z.string(),
    origins: z.array(z.string()),
    targets: z.array(z.string()),
    hold_s: z.number().int(),
    hold_min_s: z.number().int().nullable(),
    hold_max_s: z.number().int().nullable(),
    exploration: z.number(),
    number_price_cents: z.number().int(),
    quarantine_days: z.number().int(),
    snippet: z.string(),
    created_at: z.string(),
  })
  .openapi("Site");

export const SiteListSchema = z.object({ data: z.array(SiteSchema) }).openapi("SiteList");
export const IdParam = z.object({ id: z.string().max(64) });

export type SiteBody = z.infer<typeof SiteSchema>;
