import { z } from "@hono/zod-openapi";
import { MODEL_NAMES } from "@ringtrail/core/models";

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

const ParamsUse = z.enum(["defaults", "estimate"]).openapi({
  description:
    "What calls are matched with: the documented defaults, or the account's EM estimate. Defaults until changed: in the simulator the estimate ranks sessions worse (`pnpm sim --estimators`).",
});

export const PutMatchParamsSchema = z.object({ use: ParamsUse }).strict().openapi("PutMatchParams");

export const MatchParamsStateSchema = z
  .object({
    use: ParamsUse,
    estimate: z
      .object({
        calls_used: z.number().int(),
        log_likelihood: z.number().nullable(),
        estimated_at: z.string(),
      })
      .nullable()
      .openapi({ description: "The latest EM estimate; null before the first one" }),
  })
  .openapi("MatchParamsState");

export type MatchParamsState = z.infer<typeof MatchParamsStateSchema>;
