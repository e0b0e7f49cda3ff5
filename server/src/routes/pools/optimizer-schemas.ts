import { z } from "@hono/zod-openapi";

const IsoQuery = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-01T00:00:00Z" });

export const ReportQuery = z
  .object({
    from: IsoQuery.optional().openapi({ description: "Default: 7 days before `to`" }),
    to: IsoQuery.optional().openapi({ description: "Default: now" }),
    target_exhaustion: z.coerce.number().min(0.0001).max(0.5).default(0.01),
    target_accuracy: z.coerce.number().min(0.5).max(0.99).default(0.9),
  })
  .strict();

const Size = z.object({ size: z.number().int(), monthly_cost_cents: z.number().int() });
const Characteristic = z.enum([
  "toll_free",
  "local:in_region",
  "local:out_of_region",
  "local:unknown_region",
]);

export const PoolReportSchema = z
  .object({
    pool: z.string(),
    from: z.string(),
    to: z.string(),
    pool_size: z.number().int().openapi({ description: "Active numbers now" }),
    utilization: z.array(
      z.object({
        hour: z.string(),
        arrivals: z.number().int(),
        mean_hold_s: z.number(),
        mean_in_use: z.number(),
        peak_in_use: z.number().int(),
        utilization: z.number(),
      }),
    ),
    exhaustion: z.object({
      events: z.array(z.object({ start: z.string(), end: z.string() })),
      exhausted_share: z.number(),
      visits_shared: z.number().int(),
      visits_fallback: z.number().int(),
    }),
    sizing: z.object({
      daily_visitors: z.number(),
      peak_hour: z.string().nullable(),
      peak_erlangs: z.number(),
      exhaustion_now: z.number(),
      price_per_number_cents: z.number().int(),
      current: Size,
      for_exhaustion: Size.extend({ target: z.number() }),
      for_accuracy: Size.extend({ target: z.number() }).nullable(),
    }),
    hold: z.object({
      configured_s: z.number().int(),
      learned_s: z.number().int().nullable(),
      call_delays: z.number().int(),
    }),
    learning: z.object({
      exploration: z.number(),
      rates: z.array(
        z.object({
          channel: z.string(),
          characteristic: Characteristic,
          leases: z.number().int(),
          calls: z.number().int(),
          rate: z.number(),
          lower: z.number(),
          upper: z.number(),
        }),
      ),
      lifts: z.array(
        z.object({
          channel: z.string(),
          treated: Characteristic,
          baseline: Characteristic,
          estimate: z.number(),
          lower: z.number(),
          upper: z.number(),
        }),
      ),
    }),
    recommendations: z.object({
      add_numbers: z.array(
        z.object({ region: z.string(), count: z.number().int(), area_codes: z.array(z.string()) }),
      ),
      retire_or_quarantine: z.array(
        z.object({
          number: z.string(),
          e164: z.string().nullable(),
          action: z.enum(["retire", "quarantine"]),
          score: z.number(),
          reasons: z.array(z.string()),
          not_before: z.string(),
        }),
      ),
      reactivate: z.array(z.object({ number: z.string(), e164: z.string().nullable() })),
      moves: z.array(
        z.object({
          number: z.string(),
          e164: z.string().nullable(),
          from_pool: z.string(),
          to_pool: z.string(),
          region: z.string(),
        }),
      ),
    }),
  })
  .openapi("PoolReport");

export const OptimizeSchema = z
  .object({ dry_run: z.boolean().openapi({ description: "true: only show the changes" }) })
  .strict()
  .openapi("OptimizePool");

const ChangeSchema = z.object({
  action: z.enum(["move", "quarantine", "release", "reactivate"]),
  number: z.string(),
  e164: z.string().nullable(),
  from_pool: z.string(),
  to_pool: z.string().nullable(),
  reason: z.string(),
  status: z.enum(["planned", "applied", "skipped_leased"]),
});

export const OptimizeResultSchema = z
  .object({ dry_run: z.boolean(), changes: z.array(ChangeSchema) })
  .openapi("OptimizeResult");

export const AuditSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        action: z.enum(["move", "quarantine", "release", "reactivate"]),
        from_pool: z.string().nullable(),
        to_pool: z.string().nullable(),
        reason: z.string(),
        key: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi("PoolAudit");
