import { comparisonVector, delaySinceSeen } from "./compare";
import type { FeatureName, MatchLevels } from "./levels";
import { DEFAULT_MATCH_PARAMS, type MatchParams } from "./params";
import { contributions, partialWeight, type ScoredCandidate } from "./score";
import type { CallForMatch, Candidate } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A session whose last heartbeat is this recent is still on screen. The script beats every
 * 30 s, so at call start an open page's last beat is at most that old, plus transit.
 */
export const IN_SESSION_MS = 45_000;

/** Candidates seen longer ago than this are outside the lookback (as FEATURE_LEVELS.delay). */
export const LOOKBACK_MS = 72 * HOUR;

/**
 * The rate model's own lookback, longer than FS's: its delay density weighs an old holder
 * against the newer ones and against "no session", where FS's buckets stop at 72 h. With a
 * median delay of a day, 18% of calls come after 72 h, and the last holder (often that old
 * session) beat every matcher limited to 72 h at large pools (`pnpm sim --sweep`, 1 d).
 */
export const RATE_LOOKBACK_MS = 7 * 24 * HOUR;

/**
 * How far the rate model's delay density reaches. Beyond RATE_LOOKBACK_MS only the number's
 * last holder is offered, when nobody held the number since: with a pool far larger than the
 * traffic, a call a week after the view still has one obvious cause, which the baseline found
 * and a 7-day cap missed (1-day delays, 96× the rule of thumb: 96.4% top-1, the baseline 99.3%;
 * now 99.3%).
 */
export const RATE_HORIZON_MS = 30 * 24 * HOUR;

/**
 * The calling process as rates (a Poisson point process per pool number), instead of
 * Fellegi–Sunter's per-candidate m/u for timing. A call on a number at time t came from:
 *
 *   - session s on screen:          inSession                    per hour
 *   - session s, d after its visit: afterVisit · lognormal(d; delayMedianMin, delaySigma)
 *   - a linked visitor, again:      repeat                       per caller–visitor link-hour
 *   - no tracked session:           background                   per number-hour
 *
 * each times the caller-side evidence (geo, device, tel: click) as FS ratios m/u. Rates, unlike
 * m/u, can be estimated without labels: the exposure (how many sessions were how long after
 * their visit) is known from the leases, so EM cannot explain calls by recency alone
 * (attribution-math.md 1.3; why FS EM could not: packages/sim/src/sweep/estimators.ts).
 */
export interface RateParams {
  /** Calls per hour from a session while it is on screen. */
  inSession: number;
  /** Expected calls per session after it leaves the page (π). */
  afterVisit: number;
  /** Median delay from the last heartbeat to an after-visit call, minutes. */
  delayMedianMin: number;
  /** σ of that delay's logarithm. */
  delaySigma: number;
  /** Calls per hour to one pool number from no tracked session. */
  background: number;
  /**
   * Calls per hour per link (a caller tied to a visitor by an earlier answer) to one of the
   * visitor's candidate sessions, relative to the chance that a background call comes from
   * that very caller; in the same units as the other rates once the caller is known.
   */
  repeat: number;
}

/**
 * Starting rates before EM, from attribution-math.md 3.3 ("AM"). Only their ratios rank
 * candidates; absolute scale matters only against `background`.
 *
 * - 35% of callers call in session, the rest after a lognormal delay with median 125 min and
 *   σ 1.6 (AM 3.3, Google/Nielsen); 5% of sessions call (assumed), on screen for 3 min
 *   (assumed): inSession = 0.35 × 0.05 / 0.05 h, afterVisit = 0.65 × 0.05.
 * - background, derived: 15% of calls come from no session (DEFAULT_MATCH_PARAMS.none); at
 *   the 1-per-20-daily-visitors rule of thumb a number serves 0.83 sessions an hour, so
 *   0.15 / 0.85 × 0.05 × 0.83 per number-hour.
 * - repeat, assumed: 20% of callers call again (AM 5.2) within about 72 h, among about 1,000
 *   callers: 0.2 / 72 × 1,000.
 */
export const DEFAULT_RATE_PARAMS: RateParams = {
  inSession: 0.35,
  afterVisit: 0.0325,
  delayMedianMin: 125,
  delaySigma: 1.6,
  background: 0.0073,
  repeat: 2.8,
};

/** What the rate model needs of one call–candidate pair. */
export interface RatePair {
  /** Call time minus the candidate's last heartbeat (0 when seen after the call), ms. */
  delayMs: number;
  /** The candidate took the number after the call, or was seen beyond RATE_HORIZON_MS. */
  outside: boolean;
  /** The candidate's visitor is linked to this caller by an earlier answer. */
  linked: boolean;
  /** Π m/u of the caller-side features (geo, device, tel: click). */
  evidence: number;
}

/** Caller-side features scored as FS ratios; timing and history are the rates' job. */
const EVIDENCE_FEATURES: ReadonlySet<FeatureName> = new Set(["tel_click", "geo", "device"]);

/** Π m/u over geo, device and tel: click. */
export function callerEvidence(levels: MatchLevels, params: MatchParams): number {
  let bits = 0;
  for (const feature of EVIDENCE_FEATURES) bits += partialWeight(params, feature, levels[feature]);
  return 2 ** bits;
}

/**
 * A call–candidate pair as the rate model sees it, from its comparison levels and delay: what
 * scoring computes and what the server stores per candidate. `stale` means "took the number
 * after the call or was seen beyond 72 h"; within 72 h it can only mean the former.
 */
export function pairFromLevels(
  levels: MatchLevels,
  delayMs: number,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): RatePair {
  return {
    delayMs,
    outside: delayMs > RATE_HORIZON_MS || (levels.delay === "stale" && delayMs <= LOOKBACK_MS),
    linked: levels.history === "linked",
    evidence: callerEvidence(levels, params),
  };
}

/** A call–candidate pair as the rate model sees it. */
export function ratePair(
  call: CallForMatch,
  candidate: Candidate,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): RatePair {
  return pairFromLevels(comparisonVector(call, candidate), delaySinceSeen(call, candidate), params);
}

/** Log-normal density of a delay in hours, per hour. */
export function delayDensity(hours: number, medianMin: number, sigma: number): number {
  const z = (Math.log(hours) - Math.log(medianMin / 60)) / sigma;
  return Math.exp(-0.5 * z * z) / (hours * sigma * Math.sqrt(2 * Math.PI));
}

/** The session's own calling rate for this pair (without the repeat term), per hour. */
export function sessionRate(rate: RateParams, pair: RatePair): number {
  if (pair.outside) return 0;
  if (pair.delayMs < IN_SESSION_MS) return rate.inSession * pair.evidence;
  return (
    rate.afterVisit *
    delayDensity(pair.delayMs / HOUR, rate.delayMedianMin, rate.delaySigma) *
    pair.evidence
  );
}

/**
 * The repeat-caller rate for this pair, per hour (0 unless linked). Not bounded by the
 * lookback: a caller tied to a visitor may dial the saved number weeks later.
 */
export function repeatRate(rate: RateParams, pair: RatePair): number {
  return pair.linked ? rate.repeat * pair.evidence : 0;
}

export interface RatePosterior {
  candidates: number[];
  none: number;
  /** ln of the call's total intensity (its term in the point-process log-likelihood). */
  logIntensity: number;
}

/** P(candidate) and P(no session) ∝ each cause's rate at the call. */
export function ratePosterior(rate: RateParams, pairs: readonly RatePair[]): RatePosterior {
  const weights = pairs.map((p) => sessionRate(rate, p) + repeatRate(rate, p));
  let total = rate.background;
  for (const w of weights) total += w;
  if (!(total > 0)) return { candidates: pairs.map(() => 0), none: 1, logIntensity: -Infinity };
  return {
    candidates: weights.map((w) => w / total),
    none: rate.background / total,
    logIntensity: Math.log(total),
  };
}

/** log2(timing / background), kept finite so that it stores as a number. */
function timingBits(timing: number, background: number): number {
  const bits = Math.log2(timing / background);
  return Number.isNaN(bits) ? 0 : Math.min(1000, Math.max(-1000, bits));
}

export interface RateScoredCandidate extends ScoredCandidate {
  pair: RatePair;
}

export interface RateScore {
  /** Most probable first; ties keep the input order. */
  candidates: RateScoredCandidate[];
  none: number;
}

/**
 * Scores a call's candidates with the rate model: each one's probability is its share of the
 * call's total intensity, and "no session" keeps the background's share. As with scoreCall,
 * `weight` is log2 of the candidate's odds against "no session" and its `contributions` sum
 * to it: timing (on screen, after the visit, or repeat caller) on `delay`, the caller-side
 * m/u on their own features, and none on `live` and `history`, which timing already covers.
 */
export function scoreCallByRate(
  call: CallForMatch,
  candidates: readonly Candidate[],
  rate: RateParams = DEFAULT_RATE_PARAMS,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): RateScore {
  const scored = candidates.map((candidate): RateScoredCandidate => {
    const levels = comparisonVector(call, candidate);
    const pair = pairFromLevels(levels, delaySinceSeen(call, candidate), params);
    const timing = (sessionRate(rate, pair) + repeatRate(rate, pair)) / pair.evidence;
    const parts = contributions(levels, params).map((part) => {
      if (EVIDENCE_FEATURES.has(part.feature)) return part;
      const weight = part.feature === "delay" ? timingBits(timing, rate.background) : 0;
      return { ...part, weight };
    });
    const weight = parts.reduce((sum, part) => sum + part.weight, 0);
    return {
      sessionId: candidate.sessionId,
      levels,
      weight,
      probability: 0,
      contributions: parts,
      pair,
    };
  });
  const post = ratePosterior(
    rate,
    scored.map((s) => s.pair),
  );
  scored.forEach((s, i) => {
    s.probability = post.candidates[i] ?? 0;
  });
  scored.sort((a, b) => b.probability - a.probability);
  return { candidates: scored, none: post.none };
}
