import { z } from "@hono/zod-openapi";

const prefixed = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{8,40}$`), `must look like ${prefix}_…`);

export const VisitRequestSchema = z
  .object({
    site: z.string().regex(/^pk_[0-9a-z]{8,64}$/, "must be a site public key pk_…"),
    visitor: prefixed("vis").nullable().default(null),
    /** Set by the SDK on single-page-app navigations: the page view continues this session. */
    session: prefixed("ses").nullable().optional(),
    url: z.url({ protocol: /^https?$/ }).max(4096),
    referrer: z.string().max(4096).nullable().default(null),
    /** The GA client id (123.456), or the `_ga` cookie as it is (GA1.1.123.456): the server strips the prefix. */
    ga_client_id: z.string().max(64).nullable().default(null),
    viewport: z
      .tuple([z.number().int().min(0).max(100_000), z.number().int().min(0).max(100_000)])
      .nullable()
      .default(null),
    /** Before consent: a page-scoped number, nothing stored in the browser. */
    consentless: z.boolean().default(false),
  })
  .openapi("VisitRequest");

export const SwapSchema = z
  .object({
    target: z.string().openapi({ example: "+18005550100" }),
    number: z.string().openapi({ example: "+14155550123" }),
    display: z.string().openapi({ example: "(415) 555-0123" }),
  })
  .openapi("Swap");

export const VisitResponseSchema = z
  .object({
    visitor: z.string().nullable(),
    session: z.string().nullable(),
    beat_s: z.number().int(),
    hold_s: z.number().int(),
    swaps: z.array(SwapSchema),
    match: z
      .record(z.string(), z.tuple([z.union([z.string(), z.array(z.string())]), z.string()]))
      .openapi({
        description:
          "For the script: every way a page may print each target (digits, with or without country code and trunk 0), mapped to the assigned number printed the same way and its display text; includes numbers a cached page may still show from this session's earlier assignment. The digits to write are a string, or, when the assigned number is longer than the printed one, a list with one entry a printed digit, the last carrying the extra digits.",
        example: { "8005550100": ["4155550123", "(415) 555-0123"] },
      }),
    re: z.string().openapi({
      description:
        "A regular expression source that finds the keys of `match` on a page, separators allowed between digits.",
    }),
    skip: z.string().openapi({
      description:
        "For the script: a CSS selector of the subtrees it leaves alone (opt-outs, form fields, code, structured data).",
      example: "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input",
    }),
    bot: z.boolean().optional(),
  })
  .openapi("VisitResponse");

export const BeatEventSchema = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  /** As the page's link has it, `tel:` or not; the server resolves it to a shown number. */
  number: z.string().max(64).nullable().optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export const BeatRequestSchema = z
  .object({
    events: z.array(BeatEventSchema).max(50).default([]),
    swap_ms: z.number().min(0).max(600_000).nullable().optional(),
  })
  .openapi("BeatRequest");

export const BeatResponseSchema = z.object({ renew: z.literal(true) }).openapi("BeatRenew", {
  description: "Every lease had run out: the page should POST /v1/visits again.",
});

export type VisitRequest = z.infer<typeof VisitRequestSchema>;
export type VisitResponse = z.infer<typeof VisitResponseSchema>;
export type BeatRequest = z.infer<typeof BeatRequestSchema>;
