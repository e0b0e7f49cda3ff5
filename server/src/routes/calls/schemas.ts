import { z } from "@hono/zod-openapi";

const Iso = z.string().openapi({ example: "2026-11-24T15:00:00.000Z" });

const MatchSchema = z
  .object({
    session: z.string().openapi({ example: "ses_0123456789abcdef" }),
    probability: z.number(),
    visitor: z.string().nullable(),
    channel: z.string().nullable(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    landing_page: z.string().nullable(),
  })
  .openapi("CallMatch");

const CreditSchema = z
  .object({
    channel: z.string(),
    source: z.string().nullable(),
    campaign: z.string().nullable(),
    landing_page: z.string().nullable(),
    session: z.string().openapi({ description: "The credited touch's session (or source pool)" }),
    weight: z.number(),
  })
  .openapi("CallCredit");

export const CallSchema = z
  .object({
    id: z.string().openapi({ example: "call_0123456789abcdef" }),
    carrier: z.enum(["twilio", "telnyx", "signalwire"]),
    carrier_call_id: z.string(),
    number: z
      .string()
      .nullable()
      .openapi({ description: "The tracking number's id; null when the dialed number is unknown" }),
    from: z.string().openapi({ description: 'E.164, or "anonymous" for a withheld caller' }),
    to: z.string(),
    direction: z.string(),
    status: z.enum([
      "queued",
      "ringing",
      "in_progress",
      "completed",
      "busy",
      "no_answer",
      "failed",
      "canceled",
    ]),
    started_at: Iso,
    answered_at: Iso.nullable(),
    ended_at: Iso.nullable(),
    duration_s: z.number().int().nullable(),
    talk_s: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The advertiser's talk time on the forwarded leg" }),
    caller: z.object({
      city: z.string().nullable(),
      state: z.string().nullable(),
      zip: z.string().nullable(),
      country: z.string().nullable(),
      region: z.string().nullable().openapi({
        example: "US-CA",
        description: "From the carrier's geography when sent, else from the caller's number",
      }),
      line_type: z.string().nullable(),
      name: z.string().nullable(),
    }),
    recording: z
      .object({
        url: z.string().nullable(),
        id: z.string().nullable(),
        duration_s: z.number().int().nullable(),
        stored: z.boolean().openapi({ description: "Copied into the account's storage" }),
      })
      .nullable(),
    transcript: z.object({ text: z.string(), confidence: z.number().nullable() }).nullable(),
    matches: z.array(MatchSchema).openapi({
      description:
        "The call's candidates, most probable first (at most 20): sessions that held the dialed number, sessions of visitors linked by earlier calls, and for a source pool's number the pool itself (`session` is then the pool's id)",
    }),
    unattributed: z.number().nullable().openapi({
      description:
        "P(no candidate produced the call); matches and unattributed sum to 1. Null until matched",
    }),
    credit: z.record(z.string(), z.array(CreditSchema)).openapi({
      description:
        "Credit per attribution model (first, last, linear, time_decay, position, markov, shapley), one entry per touch of the matched visitors' 30-day journeys; each model's weights sum to 1 − unattributed",
    }),
    test: z.boolean().openapi({ description: "The caller is one of the account's test numbers" }),
  })
  .openapi("Call");

export const CallListSchema = z
  .object({
    data: z.array(CallSchema),
    next_cursor: z.string().nullable(),
  })
  .openapi("CallList");

const IsoQuery = z.iso.datetime({ offset: true }).openapi({ example: "2026-11-24T00:00:00Z" });

export const CallListQuerySchema = z.object({
  from: IsoQuery.optional().openapi({ description: "Calls started at or after" }),
  to: IsoQuery.optional().openapi({ description: "Calls started before" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  include_test: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .openapi({ description: "1 lists calls from the account's test numbers too" }),
});

const ContributionSchema = z.object({
  feature: z.string(),
  level: z.string(),
  weight: z.number().openapi({ description: "log2(m/u) of the level" }),
});

export const RatesSchema = z
  .object({
    inSession: z.number().openapi({ description: "Calls per hour from a session on screen" }),
    afterVisit: z.number().openapi({ description: "Expected calls per session after its visit" }),
    delayMedianMin: z.number().openapi({ description: "Median delay after the visit, minutes" }),
    delaySigma: z.number().openapi({ description: "σ of the delay's logarithm" }),
    background: z.number().openapi({ description: "Calls per number-hour from no session" }),
    repeat: z.number().openapi({ description: "Repeat-caller rate per caller–visitor link" }),
  })
  .openapi("MatchRates");

export const ExplainSchema = z
  .object({
    call: z.string(),
    phase: z.enum(["start", "end"]).nullable(),
    none: z.number().nullable().openapi({ description: "P(no candidate): the unattributed share" }),
    params: z.object({
      source: z.enum(["default", "estimated", "rates"]),
      calls_used: z.number().int(),
      estimated_at: Iso.nullable(),
      current: z.boolean().openapi({
        description: "False when the parameters were re-estimated after this call was matched",
      }),
      none: z.number().openapi({ description: "Prior probability of no session" }),
      rates: RatesSchema.nullable().openapi({
        description:
          "The rate model's rates when source is `rates` (then each candidate's `delay` contribution is log2 of its timing rate over the background rate, and `live` and `history` contribute 0); null otherwise",
      }),
      features: z.record(
        z.string(),
        z.object({ m: z.record(z.string(), z.number()), u: z.record(z.string(), z.number()) }),
      ),
    }),
    candidates: z.array(
      z.object({
        session: z.string(),
        kind: z.enum(["session", "source_pool"]),
        probability: z.number(),
        weight: z.number().openapi({ description: "Match weight in bits, Σ contributions" }),
        delay_s: z.number().nullable().openapi({
          description:
            "Seconds from the session's last heartbeat to the call (0 when it beat after the call). FS weighs it by its `delay` level, whose buckets end at 72 h (`stale` beyond); the rate model weighs the delay itself, up to 7 days. Null for a source pool and for calls matched before delays were stored.",
        }),
        contributions: z.array(ContributionSchema),
      }),
    ),
  })
  .openapi("CallExplanation");

export type Explanation = z.infer<typeof ExplainSchema>;

export type CallBody = z.infer<typeof CallSchema>;
export type CallList = z.infer<typeof CallListSchema>;
