import { z } from "@hono/zod-openapi";

const Iso = z.string().openapi({ example: "2026-11-24T15:00:00.000Z" });

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
    matches: z
      .array(z.object({ session: z.string(), probability: z.number() }))
      .openapi({ description: "Sessions matched to the call; empty until attribution ships" }),
    credit: z
      .record(
        z.string(),
        z.array(
          z.object({
            channel: z.string(),
            source: z.string().nullable(),
            campaign: z.string().nullable(),
            session: z.string(),
            weight: z.number(),
          }),
        ),
      )
      .openapi({ description: "Credit per attribution model; empty until attribution ships" }),
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
});

export type CallBody = z.infer<typeof CallSchema>;
export type CallList = z.infer<typeof CallListSchema>;
