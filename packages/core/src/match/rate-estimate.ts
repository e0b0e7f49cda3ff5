import {
  DEFAULT_RATE_PARAMS,
  IN_SESSION_MS,
  RATE_HORIZON_MS,
  RATE_LOOKBACK_MS,
  type RatePair,
  type RateParams,
  ratePosterior,
  repeatRate,
  sessionRate,
} from "./rate";

const HOUR = 3_600_000;
/** Log-hour bins between "on screen" and the density's reach, for the delay fit. */
const BINS = 240;
const LOW = Math.log(IN_SESSION_MS / HOUR);
const HIGH = Math.log(RATE_HORIZON_MS / HOUR);

/**
 * How much opportunity to call there was in the estimation window, from the leases: the
 * point-process compensator. Without it the rates could not be told from recency.
 */
export interface RateExposure {
  /** Session-hours on screen holding a pool number. */
  inSessionHours: number;
  /** Sessions by how long after their last heartbeat the window still ran (log-hour bins). */
  afterVisitSpans: readonly number[];
  /** Pool-number hours in the window. */
  numberHours: number;
  /** Caller–visitor link hours: each link from its call to the window's end, up to its lookback. */
  linkHours: number;
  /** Distinct callers: a background call is from one given caller with chance 1/callers. */
  callers: number;
}

/** One lease of a pool number: when the session took it and when the session was last seen. */
export interface LeaseSpan {
  start: number;
  lastSeenAt: number;
}

/** What both ways of computing the exposure take besides the leases. */
interface ExposureWindow {
  /** The window [from, to). */
  from: number;
  to: number;
  /** Pool numbers in use. */
  numbers: number;
  /** When each caller–visitor link was made (the call that made it). */
  links: Iterable<number>;
  /** How long a link keeps its visitor a candidate (default: the rate model's lookback). */
  linkLookbackMs?: number;
  /** Distinct callers. */
  callers: number;
}

/** The exposure of a window [from, to) from its leases, number count, links and callers. */
export function rateExposure(
  input: ExposureWindow & { leases: Iterable<LeaseSpan> },
): RateExposure {
  const { from, to } = input;
  let inSession = 0;
  const spans: { ms: number; count: number }[] = [];
  for (const lease of input.leases) {
    inSession += Math.max(
      0,
      Math.min(to, lease.lastSeenAt + IN_SESSION_MS) - Math.max(from, lease.start),
    );
    spans.push({ ms: to - lease.lastSeenAt, count: 1 });
  }
  return rateExposureFromCounts({ ...input, inSessionMs: inSession, spans });
}

/**
 * The same from aggregates a database can compute in one pass: on-screen time summed, and
 * sessions counted by how long after their last heartbeat the window ran (`ms`).
 */
export function rateExposureFromCounts(
  input: ExposureWindow & { inSessionMs: number; spans: Iterable<{ ms: number; count: number }> },
): RateExposure {
  const { from, to } = input;
  const linkLookback = input.linkLookbackMs ?? RATE_LOOKBACK_MS;
  const afterVisitSpans = new Array<number>(BINS).fill(0);
  for (const { ms, count } of input.spans) {
    const span = Math.min(RATE_HORIZON_MS, ms);
    if (span > IN_SESSION_MS)
      afterVisitSpans[binOf(span)] = (afterVisitSpans[binOf(span)] ?? 0) + count;
  }
  let linkHours = 0;
  for (const at of input.links) linkHours += Math.max(0, Math.min(linkLookback, to - at)) / HOUR;
  return {
    inSessionHours: input.inSessionMs / HOUR,
    afterVisitSpans,
    numberHours: (input.numbers * Math.max(0, to - from)) / HOUR,
    linkHours,
    callers: Math.max(1, input.callers),
  };
}

function binOf(ms: number): number {
  const b = Math.floor(((Math.log(ms / HOUR) - LOW) / (HIGH - LOW)) * BINS);
  return Math.min(BINS - 1, Math.max(0, b));
}

const binMid = (b: number) => LOW + ((b + 0.5) / BINS) * (HIGH - LOW);

export interface RateEstimate {
  params: RateParams;
  iterations: number;
  converged: boolean;
  /** Point-process log-likelihood per iteration (up to a constant); EM never lowers it. */
  trace: number[];
}

/**
 * Fits the rates to an account's calls by EM, without labels (the MISD estimator for
 * triggered point processes): the E-step shares each call among its causes in proportion to
 * their rates, the M-step divides each cause's expected calls by its exposure. The delay's
 * log-normal is refitted by a grid search on the log-hour bins, with the window's censoring.
 * Calls with no candidates count towards the background.
 *
 * @example
 * const { params } = estimateRates(calls.map((c) => c.pairs), exposure);
 */
export function estimateRates(
  calls: readonly (readonly RatePair[])[],
  exposure: RateExposure,
  initial: RateParams = DEFAULT_RATE_PARAMS,
  options: { maxIterations?: number; tolerance?: number; noneShare?: number } = {},
): RateEstimate {
  const { maxIterations = 60, tolerance = 1e-9, noneShare } = options;
  let params = initial;
  const trace: number[] = [];
  for (let iteration = 0; ; iteration++) {
    const e = expectation(calls, params);
    const objective = e.logIntensity - compensator(params, exposure);
    const previous = trace.at(-1);
    trace.push(objective);
    // |change|: pinning the background is not an EM step, so the objective can fall once
    // after it; a fall is not convergence (it stopped the 1-day sweep's fit after one step).
    const converged =
      previous !== undefined &&
      Math.abs(objective - previous) <= tolerance * (1 + Math.abs(objective));
    if (converged || iteration >= maxIterations || calls.length === 0) {
      return { params, iterations: iteration, converged, trace };
    }
    params = maximization(e, exposure, params);
    if (noneShare !== undefined)
      params = { ...params, background: backgroundFor(calls, params, noneShare) };
  }
}

/**
 * The background rate at which calls' posterior P(no session) averages `share`. EM alone
 * cannot tell the background from a flat tail of old sessions (every number always has some)
 * and lets the background swallow the tail; pinning the share, as FS pins its prior, keeps
 * the answers calibrated. Bisection in log space: the average rises with the rate.
 */
export function backgroundFor(
  calls: readonly (readonly RatePair[])[],
  params: RateParams,
  share: number,
): number {
  const sessions = calls.map((pairs) =>
    pairs.reduce((sum, p) => sum + sessionRate(params, p) + repeatRate(params, p), 0),
  );
  const averageNone = (background: number) =>
    sessions.reduce((sum, s) => sum + background / (background + s), 0) /
    Math.max(1, sessions.length);
  let low = -60;
  let high = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (averageNone(Math.exp(mid)) < share) low = mid;
    else high = mid;
  }
  return Math.exp((low + high) / 2);
}

/** Expected (or, with labels, counted) calls per cause, binned as the M-step needs them. */
export interface RateCounts {
  inSession: number;
  afterVisit: number[];
  background: number;
  repeat: number;
  logIntensity: number;
}

function emptyCounts(): RateCounts {
  return {
    inSession: 0,
    afterVisit: new Array<number>(BINS).fill(0),
    background: 0,
    repeat: 0,
    logIntensity: 0,
  };
}

function addSession(counts: RateCounts, pair: RatePair, share: number): void {
  if (pair.delayMs < IN_SESSION_MS) counts.inSession += share;
  else {
    const b = binOf(pair.delayMs);
    counts.afterVisit[b] = (counts.afterVisit[b] ?? 0) + share;
  }
}

/**
 * Counts of known causes, for the supervised fit an oracle makes with `maximization`: each
 * call's true pair (by index) and whether it was a repeat call, or null for no session.
 */
export function labelledCounts(
  calls: readonly {
    pairs: readonly RatePair[];
    cause: { index: number; repeat: boolean } | null;
  }[],
): RateCounts {
  const counts = emptyCounts();
  for (const { pairs, cause } of calls) {
    const pair = cause === null ? undefined : pairs[cause.index];
    if (!pair || pair.outside) counts.background++;
    else if (cause?.repeat && pair.linked) counts.repeat++;
    else addSession(counts, pair, 1);
  }
  return counts;
}

/** Expected calls per cause under `params`, the E-step; also Σ ln(intensity) at the calls. */
export function expectation(
  calls: readonly (readonly RatePair[])[],
  params: RateParams,
): RateCounts {
  const out = emptyCounts();
  for (const pairs of calls) {
    const post = ratePosterior(params, pairs);
    out.background += post.none;
    out.logIntensity += post.logIntensity;
    const total = post.logIntensity === -Infinity ? 0 : Math.exp(post.logIntensity);
    if (total === 0) continue;
    for (const pair of pairs) {
      const own = sessionRate(params, pair) / total;
      out.repeat += repeatRate(params, pair) / total;
      if (own > 0) addSession(out, pair, own);
    }
  }
  return out;
}

function compensator(params: RateParams, exposure: RateExposure): number {
  const mu = Math.log(params.delayMedianMin / 60);
  return (
    params.inSession * exposure.inSessionHours +
    params.afterVisit * censoredMass(exposure.afterVisitSpans, mu, params.delaySigma) +
    params.background * exposure.numberHours +
    (params.repeat / exposure.callers) * exposure.linkHours
  );
}

/** Σ over sessions of P(after-visit delay falls inside what the window saw of it). */
function censoredMass(spans: readonly number[], mu: number, sigma: number): number {
  const floor = normalCdf((LOW - mu) / sigma);
  let total = 0;
  spans.forEach((n, b) => {
    if (n > 0) total += n * (normalCdf((binMid(b) - mu) / sigma) - floor);
  });
  return total;
}

/** The M-step: expected calls over exposure per cause; the delay by profile likelihood. */
export function maximization(
  e: RateCounts,
  exposure: RateExposure,
  previous: RateParams,
): RateParams {
  const after = e.afterVisit.reduce((a, b) => a + b, 0);
  let mu = Math.log(previous.delayMedianMin / 60);
  let sigma = previous.delaySigma;
  if (after > 0) [mu, sigma] = fitDelay(e.afterVisit, after, exposure.afterVisitSpans);
  const mass = censoredMass(exposure.afterVisitSpans, mu, sigma);
  const per = (calls: number, hours: number) => (hours > 0 ? calls / hours : 0);
  return {
    inSession: per(e.inSession, exposure.inSessionHours),
    afterVisit: per(after, mass),
    delayMedianMin: Math.exp(mu) * 60,
    delaySigma: sigma,
    background: per(e.background, exposure.numberHours),
    repeat: per(e.repeat, exposure.linkHours) * exposure.callers,
  };
}

/**
 * argmax over (μ, σ) of Σ w ln f(x) − W ln Σ_s F_s(μ, σ): the log-normal with π profiled out.
 * A coarse grid and then a fine one around its best; the objective is smooth and unimodal in
 * practice, and a grid cannot diverge.
 */
function fitDelay(
  weights: readonly number[],
  total: number,
  spans: readonly number[],
): [number, number] {
  const objective = (mu: number, sigma: number) => {
    let ll = 0;
    weights.forEach((w, b) => {
      if (w > 0) ll += w * (-Math.log(sigma) - (binMid(b) - mu) ** 2 / (2 * sigma * sigma));
    });
    const mass = censoredMass(spans, mu, sigma);
    return mass > 0 ? ll - total * Math.log(mass) : Number.NEGATIVE_INFINITY;
  };
  let best = { mu: 0, sigma: 1, value: Number.NEGATIVE_INFINITY };
  const search = (mus: [number, number, number], sigmas: [number, number, number]) => {
    for (let mu = mus[0]; mu <= mus[1] + 1e-9; mu += mus[2])
      for (let sigma = sigmas[0]; sigma <= sigmas[1] + 1e-9; sigma += sigmas[2]) {
        const value = objective(mu, sigma);
        if (value > best.value) best = { mu, sigma, value };
      }
  };
  // Medians from 1 minute to 10 days, σ from 0.2 to 3.5.
  search([Math.log(1 / 60), Math.log(240), 0.2], [0.2, 3.5, 0.2]);
  const { mu, sigma } = best;
  search([mu - 0.2, mu + 0.2, 0.02], [Math.max(0.1, sigma - 0.2), sigma + 0.2, 0.02]);
  return [best.mu, best.sigma];
}

/** Φ(z), Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
