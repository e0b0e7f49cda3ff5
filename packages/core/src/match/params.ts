import { FEATURE_LEVELS, type FeatureName, type LevelOf } from "./levels";

/** P(level) for every level of one feature; sums to 1. */
export type LevelProbabilities<F extends FeatureName> = Readonly<Record<LevelOf<F>, number>>;

export interface FeatureParams<F extends FeatureName> {
  /** P(level | the candidate is the caller's session). */
  m: LevelProbabilities<F>;
  /** P(level | the candidate is not the caller's session). */
  u: LevelProbabilities<F>;
}

export interface MatchParams {
  /** Prior probability that a call came from no tracked session (offline, saved, misdial). */
  none: number;
  features: { readonly [F in FeatureName]: FeatureParams<F> };
}

/**
 * Sums `share × distribution` over branches that never apply together. Geo and device compare
 * what is known on both sides, and how often something is known does not depend on whether the
 * pair matches, so the shares scale m and u alike and cancel in m/u; only their sum matters.
 */
function blend<F extends FeatureName>(
  feature: F,
  branches: readonly (readonly [share: number, p: Partial<Record<LevelOf<F>, number>>])[],
): LevelProbabilities<F> {
  const out = {} as Record<LevelOf<F>, number>;
  for (const level of FEATURE_LEVELS[feature] as readonly LevelOf<F>[]) {
    let total = 0;
    for (const [share, p] of branches) total += share * (p[level] ?? 0);
    out[level] = total;
  }
  return out;
}

const HOURS_72 = 72 * 60;

/**
 * Starting m and u for every feature, before EM re-estimates them per account. Citations are
 * to /work/shared/reference/attribution-math.md ("AM"); "derived" means our arithmetic on the
 * cited figures, "assumed" means no published figure was found and EM is expected to move it.
 *
 * - none = 0.15, assumed: Invoca's indexes put offline-driven calls at 8–16% (AM 5.2); pool
 *   numbers also get spam and misdials, but those partly come from sessions too.
 * - delay m, derived: AM 3.3's delay model calibrated to Google/Nielsen (35% in-session, the
 *   rest lognormal with median 125 min and σ 1.6), integrated over each bucket.
 *   delay u, derived: AM 1.4 "≈ 1/L": non-matching candidates spread uniformly over a 72 h
 *   lookback, so a bucket's u is its width / 72 h; 1% kept for older, history-linked ones.
 * - live m = 0.47, derived: the same delay model's P(delay < 30 min) for a 30-minute hold.
 *   live u = 0.007, derived: a 30-minute hold out of the 72 h lookback. Live and a short delay
 *   overlap; naive Bayes counts that evidence twice, which EM's per-account m partly absorbs.
 * - tel_click, assumed: 75% of callers are on mobile and 42–70% of mobile searchers use
 *   click-to-call (AM 5.2), so about 30% of true sessions click within 2 min; a non-matching
 *   session clicking the same number just before someone else's call is rare (u 0.1%).
 * - geo, derived from AM 1.4 and 3.3: region agreement of the true caller 75% (the toy
 *   simulator's figure, consistent with MaxMind's ~90% US region accuracy times area-code
 *   portability); 60% within 50 km from MaxMind's "83% of US cities within 40 km" times the
 *   same portability; country 98% (MaxMind 99.8%, less roaming). u is the share of a national
 *   site's traffic at that distance, assumed (term-frequency u per region is future work).
 * - device, derived: 75% of callers are on mobile (Invoca, AM 5.2); a true mobile caller's
 *   session is mobile 80% of the time (click-to-call), a fixed-line caller's 5%; u assumes
 *   55% of sessions are mobile, independent of the caller. Line type unknown for 20%.
 * - history, assumed: 20% repeat callers (AM 5.2 sweeps 5–40%, not found), 60% of whom are
 *   still recognised by cookie; a non-matching candidate is linked only when it is another
 *   session of a linked visitor (AM 1.4 "very high / ≈ 0").
 */
export const DEFAULT_MATCH_PARAMS: MatchParams = {
  none: 0.15,
  features: {
    delay: {
      m: {
        lt_2m: 0.353,
        lt_10m: 0.034,
        lt_1h: 0.173,
        lt_6h: 0.275,
        lt_24h: 0.124,
        lt_72h: 0.032,
        stale: 0.009,
      },
      u: {
        lt_2m: (0.99 * 2) / HOURS_72,
        lt_10m: (0.99 * 8) / HOURS_72,
        lt_1h: (0.99 * 50) / HOURS_72,
        lt_6h: (0.99 * 300) / HOURS_72,
        lt_24h: (0.99 * 1080) / HOURS_72,
        lt_72h: (0.99 * 2880) / HOURS_72,
        stale: 0.01,
      },
    },
    live: { m: { live: 0.47, expired: 0.53 }, u: { live: 0.007, expired: 0.993 } },
    tel_click: {
      m: { lt_2m: 0.3, lt_30m: 0.05, none: 0.65 },
      u: { lt_2m: 0.001, lt_30m: 0.004, none: 0.995 },
    },
    geo: {
      m: blend("geo", [
        [0.2, { km_50: 0.6, km_250: 0.17, km_1000: 0.11, km_far: 0.12 }],
        [0.6, { same_region: 0.75, near_region: 0.12, other_region: 0.11, other_country: 0.02 }],
        [0.1, { country_only: 0.98, other_country: 0.02 }],
        [0.1, { unknown: 1 }],
      ]),
      u: blend("geo", [
        [0.2, { km_50: 0.03, km_250: 0.09, km_1000: 0.28, km_far: 0.6 }],
        [0.6, { same_region: 0.08, near_region: 0.17, other_region: 0.7, other_country: 0.05 }],
        [0.1, { country_only: 0.9, other_country: 0.1 }],
        [0.1, { unknown: 1 }],
      ]),
    },
    device: {
      m: blend("device", [
        [
          0.8,
          { both_mobile: 0.6, mobile_desktop: 0.15, fixed_mobile: 0.0125, fixed_desktop: 0.2375 },
        ],
        [0.2, { unknown: 1 }],
      ]),
      u: blend("device", [
        [
          0.8,
          {
            both_mobile: 0.4125,
            mobile_desktop: 0.3375,
            fixed_mobile: 0.1375,
            fixed_desktop: 0.1125,
          },
        ],
        [0.2, { unknown: 1 }],
      ]),
    },
    history: {
      m: { linked: 0.12, not_linked: 0.08, no_history: 0.8 },
      u: { linked: 0.005, not_linked: 0.195, no_history: 0.8 },
    },
  },
};
