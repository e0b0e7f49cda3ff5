/**
 * The comparison features of a call against a candidate session and their discrete agreement
 * levels. Fellegi–Sunter needs a finite set of levels per feature so that m and u are plain
 * probability tables that EM can re-estimate by counting (attribution-math.md 1.1, 1.3).
 */
export const FEATURE_LEVELS = {
  /**
   * Time from the session's last heartbeat to the call. The buckets follow the shape of the
   * delay-to-call distribution: about a third of callers call in-session (<2 min), and the
   * tail runs over hours to days (attribution-math.md 3.3). `stale` is beyond 72 h, or a
   * session that only began after the call.
   */
  delay: ["lt_2m", "lt_10m", "lt_1h", "lt_6h", "lt_24h", "lt_72h", "stale"],
  /** The lease on the dialed number was live at call time: leaseStart ≤ at ≤ leaseEnd. */
  live: ["live", "expired"],
  /** A `tel:` click on the dialed number within 2 min, or within 30 min, before the call. */
  tel_click: ["lt_2m", "lt_30m", "none"],
  /**
   * Caller location against the session's geo-IP. Exactly one branch applies, by what is
   * known on both sides: points (`km_*` distance buckets), else subdivisions (`same_region`,
   * `near_region` when the two regions' centroids are < 500 km apart, `other_region`,
   * `other_country`), else countries (`country_only`, `other_country`), else `unknown`.
   */
  geo: [
    "km_50",
    "km_250",
    "km_1000",
    "km_far",
    "same_region",
    "near_region",
    "other_region",
    "country_only",
    "other_country",
    "unknown",
  ],
  /**
   * Caller line type against session device. Click-to-call dials from the phone that
   * browsed, so a mobile caller on a mobile session agrees; a fixed line (landline, VoIP,
   * toll-free) with a mobile session disagrees. `unknown` when the line type is unknown.
   */
  device: ["both_mobile", "mobile_desktop", "fixed_mobile", "fixed_desktop", "unknown"],
  /**
   * The session's visitor was linked to this caller by an earlier call (`linked`), the caller
   * has such links but not to this visitor (`not_linked`), or the caller has none
   * (`no_history`, which says nothing about any one candidate).
   */
  history: ["linked", "not_linked", "no_history"],
} as const;

export type FeatureName = keyof typeof FEATURE_LEVELS;
export type LevelOf<F extends FeatureName> = (typeof FEATURE_LEVELS)[F][number];

/** A comparison vector: one agreement level per feature. */
export type MatchLevels = { [F in FeatureName]: LevelOf<F> };

export const FEATURE_NAMES = Object.keys(FEATURE_LEVELS) as FeatureName[];
