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
};

export const CreateSiteSchema = z
  .object({ ...siteFields, hold_s: siteFields.hold_s.default(1800) })
  .strict()
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
    snippet: z.string(),
    created_at: z.string(),
  })
  .openapi("Site");

export const SiteListSchema = z.object({ data: z.array(SiteSchema) }).openapi("SiteList");
export const IdParam = z.object({ id: z.string().max(64) });

export type SiteBody = z.infer<typeof SiteSchema>;
