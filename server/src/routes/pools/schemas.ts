import { z } from "@hono/zod-openapi";
import { parsePoolRules } from "@ringtrail/core/rules";
import { PhoneField } from "../phone-field";

const Rules = z
  .unknown()
  .transform((value, ctx) => {
    const parsed = parsePoolRules(value ?? {});
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `${parsed.path}: ${parsed.message}` });
      return z.NEVER;
    }
    return parsed.rules;
  })
  .openapi({
    type: "object",
    description:
      "Match rules; every field present must match (AND), a list matches if any entry does (OR): channel, source, medium, campaign, term, path (glob), referrer_domain, device, region, hours {from,to}, not.",
    example: { channel: ["paid_search"], source: ["google"] },
  });

const poolFields = {
  name: z.string().min(1).max(200),
  kind: z.enum(["session", "source"]),
  priority: z.number().int().min(-1000).max(1000),
  rules: Rules,
  target: PhoneField.nullable(),
  fallback: PhoneField.nullable(),
  on_exhausted: z.enum(["share", "fallback"]),
};

export const CreatePoolSchema = z
  .object({
    site: z.string().max(64),
    ...poolFields,
    priority: poolFields.priority.default(0),
    rules: poolFields.rules.default({}),
    target: poolFields.target.default(null),
    fallback: poolFields.fallback.default(null),
    on_exhausted: poolFields.on_exhausted.default("share"),
  })
  .strict()
  .openapi("CreatePool");

export const UpdatePoolSchema = z.object(poolFields).partial().strict().openapi("UpdatePool");

export const PoolSchema = z
  .object({
    id: z.string().openapi({ example: "pool_0123456789abcdef" }),
    site: z.string(),
    name: z.string(),
    kind: z.enum(["session", "source"]),
    priority: z.number().int(),
    rules: z.record(z.string(), z.unknown()),
    target: z.string().nullable(),
    fallback: z.string().nullable(),
    on_exhausted: z.enum(["share", "fallback"]),
    numbers: z.number().int().openapi({ description: "Active numbers in the pool" }),
    created_at: z.string(),
  })
  .openapi("Pool");

export const PoolListSchema = z.object({ data: z.array(PoolSchema) }).openapi("PoolList");
export const PoolListQuery = z.object({ site: z.string().max(64).optional() });
