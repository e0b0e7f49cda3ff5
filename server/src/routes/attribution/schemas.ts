import { z } from "@hono/zod-openapi";
import { MODEL_NAMES } from "@ringtrail/core/models";
import { RatesSchema } from "../calls/schemas";

export const GROUP_BYS = ["channel", "source", "campaign", "landing_page"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

const IsoQuery = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-01T00:00:00Z" });

export const ReportQuerySchema = z.object({
  from: IsoQuery.optional().openapi({
    description: "Calls started at or after; default `to` − 30 days",
  }),
  to: IsoQuery.optional().openapi({ description: "Calls started before; default now" }),
  model: z.enum(MODEL_NAMES).default("last"),
  group_by: z.enum(GROUP_BYS).default("channel"),
});

export const ReportSchema = z
  .object({
    model: z.enum(MODEL_NAMES),
    group_by: z.enum(GROUP_BYS),
    from: z.string(),
    to: z.string(),
    rows: z.array(
      z.object({
        key: z.string().openapi({ description: 'The group; "(none)" when the touch had no value' }),
        calls: z.number().openapi({ description: "Credited calls (fractional)" }),
      }),
    ),
    unattributed: z.number().openapi({ description: "Calls credited to no session" }),
    total_calls: z.number().int().openapi({ description: "rows' calls + unattributed" }),
  })
  .openapi("AttributionReport");

export const ReestimateSchema = z
  .object({
    calls_used: z.number().int(),
    log_likelihood: z.number().nullable(),
    iterations: z.number().int(),
    converged: z.boolean(),
    estimated_at: z.string(),
  })
  .openapi("MatchReestimation");

export type Report = z.infer<typeof ReportSchema>;

const ParamsUse = z.enum(["auto", "defaults", "estimate", "rates"]).openapi({
  description:
    "What calls are matched with. `auto` (the default): the rate model once its EM has fitted the account's calls (at least 50), the documented Fellegi–Sunter defaults before. Or pinned: the FS defaults, the account's FS EM estimate, or the rate model (its defaults until its EM has run). In the simulator the rate model ranks sessions best (`pnpm sim --sweep`) and the FS estimate worst (`pnpm sim --estimators`).",
});

const ParamsInUse = z.enum(["defaults", "estimate", "rates"]).openapi({
  description: "What the account's next call is matched with, `use` resolved",
});

export const PutMatchParamsSchema = z.object({ use: ParamsUse }).strict().openapi("PutMatchParams");

export const MatchParamsStateSchema = z
  .object({
    use: ParamsUse,
    in_use: ParamsInUse,
    estimate: z
      .object({
        calls_used: z.number().int(),
        log_likelihood: z.number().nullable(),
        estimated_at: z.string(),
      })
      .nullable()
      .openapi({ description: "The latest EM estimate; null before the first one" }),
    rates: z
      .object({
        calls_used: z.number().int(),
        estimated_at: z.string(),
        rates: RatesSchema,
      })
      .nullable()
      .openapi({ description: "The rate model's latest EM estimate; null before the first one" }),
  })
  .openapi("MatchParamsState");

export type MatchParamsState = z.infer<typeof MatchParamsStateSchema>;
