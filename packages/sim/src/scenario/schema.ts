import { CHANNELS } from "@ringtrail/core";
import { US_STATES } from "@ringtrail/core/region";
import { z } from "zod";

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const weights = <K extends string>(keys: readonly K[]) =>
  z
    .record(z.string(), z.number().min(0))
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!(keys as readonly string[]).includes(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `unknown key "${key}"` });
        }
      }
      if (Object.values(value).every((w) => w === 0)) {
        ctx.addIssue({ code: "custom", message: "at least one weight must be positive" });
      }
    })
    .transform((value) => value as Partial<Record<K, number>>);

const STATE_CODES = Object.keys(US_STATES).map((s) => s.replace(/^US-/, ""));

/** A lognormal delay: median and σ of the underlying normal. */
const sigma = z.number().min(0).max(4);
const Seconds = z.object({ median_s: positive, sigma }).strict();
const Minutes = z.object({ median_min: positive, sigma }).strict();
const Hours = z.object({ median_h: positive, sigma }).strict();

const Burst = z
  .object({
    day: z.number().int().min(0),
    hour: z.number().min(0).max(24),
    minutes: z
      .number()
      .positive()
      .max(24 * 60),
    factor: z.number().min(1).max(100),
  })
  .strict();

/**
 * A traffic scenario (attribution-math.md 5.1–5.2). Every knob has a default taken from the
 * ranges there, so a scenario file names only what it changes.
 */
export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    /** Simulated days of traffic. */
    days: z.number().positive().max(60).default(1),
    traffic: z
      .object({
        visitors_per_day: positive,
        /** Sinusoidal diurnal curve in US Eastern time: the peak hour and peak/mean ratio. */
        peak_hour: z.number().min(0).max(24).default(14),
        peak_to_mean: z.number().min(1).max(3).default(1.8),
        bursts: z.array(Burst).default([]),
      })
      .strict(),
    channels: weights(CHANNELS).default({
      paid_search: 30,
      organic_search: 25,
      paid_social: 8,
      social: 7,
      email: 5,
      display: 5,
      affiliate: 3,
      referral: 5,
      direct: 12,
    }),
    geo: z
      .object({
        /** Weights of US states by two-letter code; default: roughly by population. */
        states: weights(STATE_CODES).optional(),
        /** Share of sessions whose IP geolocates to the visitor's own state. */
        ip_accuracy: z
          .object({ mobile: share, desktop: share })
          .strict()
          .default({ mobile: 0.7, desktop: 0.92 }),
      })
      .strict()
      .default({ ip_accuracy: { mobile: 0.7, desktop: 0.92 } }),
    devices: z
      .object({ mobile: z.number().min(0), desktop: z.number().min(0), tablet: z.number().min(0) })
      .strict()
      .default({ mobile: 0.6, desktop: 0.35, tablet: 0.05 }),
    sessions: z
      .object({
        page_views_mean: z.number().min(1).max(50).default(3),
        /** Time on each page, lognormal. */
        dwell: Seconds.default({ median_s: 40, sigma: 1 }),
      })
      .strict()
      .default({ page_views_mean: 3, dwell: { median_s: 40, sigma: 1 } }),
    returns: z
      .object({
        /** Probability of one more session after each session. */
        rate: share.default(0.25),
        gap: Hours.default({ median_h: 20, sigma: 1.2 }),
        max_sessions: z.number().int().min(1).max(20).default(5),
        /** Share of return sessions that come back direct (typed, bookmarked). */
        direct_share: share.default(0.4),
      })
      .strict()
      .default({
        rate: 0.25,
        gap: { median_h: 20, sigma: 1.2 },
        max_sessions: 5,
        direct_share: 0.4,
      }),
    calls: z
      .object({
        /** Probability that a visitor's journey ends in a call. */
        probability: share.default(0.05),
        /** Share of calls made while the visitor is still on the page. */
        in_session_share: share.default(0.35),
        /** Share of in-session calls from mobile visitors placed by clicking a `tel:` link. */
        tel_click_share: share.default(0.6),
        /** Delay from the end of the last page view to the call, for the others. */
        delay: Minutes.default({ median_min: 125, sigma: 1.6 }),
        /** The caller's area code is in the visitor's state with this probability. */
        caller_area_match: share.default(0.8),
        /** Share of calls whose line type the carrier reports (lookup add-on). */
        line_type_known: share.default(0.8),
        /** Probability that a caller calls again later, dialling the same number. */
        repeat_rate: share.default(0.1),
        repeat_delay: Hours.default({ median_h: 48, sigma: 1 }),
        /** Calls with no web session (offline ads, saved numbers), as a share of web calls. */
        offline_share: z.number().min(0).max(5).default(0.1),
        /** Spam and misdials, as a share of web calls. */
        spam_share: z.number().min(0).max(5).default(0.05),
        /** Call probability multiplier when the number shown was local to the visitor. */
        local_number_lift: z.number().min(0.1).max(10).default(1),
      })
      .strict()
      .default({
        probability: 0.05,
        in_session_share: 0.35,
        tel_click_share: 0.6,
        delay: { median_min: 125, sigma: 1.6 },
        caller_area_match: 0.8,
        line_type_known: 0.8,
        repeat_rate: 0.1,
        repeat_delay: { median_h: 48, sigma: 1 },
        offline_share: 0.1,
        spam_share: 0.05,
        local_number_lift: 1,
      }),
    bots: z
      .object({
        /** Bot page views as a share of all page views. */
        share: z.number().min(0).max(0.95).default(0.1),
      })
      .strict()
      .default({ share: 0.1 }),
    pool: z
      .object({
        size: z.number().int().min(1).max(10_000),
        hold_s: z
          .number()
          .int()
          .min(60)
          .max(7 * 86400)
          .default(1800),
        /** Share of the numbers spread over states by the geo mix; the rest are in one area. */
        local_share: share.default(1),
      })
      .strict(),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
