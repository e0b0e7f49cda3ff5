import { betaQuantile, sampleBeta } from "./beta";
import type { Characteristic } from "./characteristics";

/** One lease, as the learner records it: did a call follow while the number was held? */
export interface LeaseOutcome {
  channel: string;
  characteristic: Characteristic;
  called: boolean;
}

/** Beta prior on a call rate; the default Beta(1, 1) is uniform. */
export interface BetaPrior {
  a: number;
  b: number;
}

export const UNIFORM_PRIOR: BetaPrior = { a: 1, b: 1 };

/** The posterior call rate of one characteristic in one channel. */
export interface Posterior {
  channel: string;
  characteristic: Characteristic;
  leases: number;
  calls: number;
  /** Posterior Beta parameters: prior a + calls, prior b + leases without a call. */
  a: number;
  b: number;
  mean: number;
  /** Equal-tailed 95% credible interval. */
  lower: number;
  upper: number;
}

/**
 * Beta-Binomial posteriors of the call rate per channel × characteristic, sorted by channel
 * then characteristic.
 *
 * @example posteriors([{ channel: "ads", characteristic: "toll_free", called: true }])
 * // [{ channel: "ads", characteristic: "toll_free", leases: 1, calls: 1, a: 2, b: 1, mean: 0.667, … }]
 */
export function posteriors(
  outcomes: readonly LeaseOutcome[],
  prior: BetaPrior = UNIFORM_PRIOR,
): Posterior[] {
  if (!(prior.a > 0 && prior.b > 0)) throw new RangeError("prior a and b must be positive");
  const counts = new Map<
    string,
    { channel: string; characteristic: Characteristic; n: number; k: number }
  >();
  for (const o of outcomes) {
    const key = `${o.channel}\u0000${o.characteristic}`;
    let c = counts.get(key);
    if (c === undefined) {
      c = { channel: o.channel, characteristic: o.characteristic, n: 0, k: 0 };
      counts.set(key, c);
    }
    c.n++;
    if (o.called) c.k++;
  }
  return [...counts.values()]
    .map(({ channel, characteristic, n, k }) => posterior(channel, characteristic, n, k, prior))
    .sort((x, y) => compare(x.channel, y.channel) || compare(x.characteristic, y.characteristic));
}

/** The posterior from counts, for callers that keep running totals instead of outcomes. */
export function posterior(
  channel: string,
  characteristic: Characteristic,
  leases: number,
  calls: number,
  prior: BetaPrior = UNIFORM_PRIOR,
): Posterior {
  const a = prior.a + calls;
  const b = prior.b + leases - calls;
  return {
    channel,
    characteristic,
    leases,
    calls,
    a,
    b,
    mean: a / (a + b),
    lower: betaQuantile(0.025, a, b),
    upper: betaQuantile(0.975, a, b),
  };
}

/** What Thompson sampling needs of a posterior. */
export type BetaArm = Pick<Posterior, "characteristic" | "a" | "b">;

/**
 * Which characteristic to prefer for the next visitor of a channel. With probability
 * `exploration` a uniformly random candidate (so the worse-looking arms keep being
 * measured); otherwise the candidate with the highest draw from its posterior, candidates
 * without data drawing from `prior`. An `exploration` of 0 turns learning off and returns
 * null, as does an empty candidate list: use the default assignment rule.
 *
 * @example thompsonChoose(arms, ["toll_free", "local:in_region"], rng, 0.05)
 */
export function thompsonChoose(
  arms: readonly BetaArm[],
  candidates: readonly Characteristic[],
  rng: () => number,
  exploration: number,
  prior: BetaPrior = UNIFORM_PRIOR,
): Characteristic | null {
  if (!(exploration >= 0 && exploration <= 1)) {
    throw new RangeError(`exploration must be in [0, 1], got ${exploration}`);
  }
  if (exploration === 0 || candidates.length === 0) return null;
  if (rng() < exploration) return candidates[Math.floor(rng() * candidates.length)] ?? null;
  let best: Characteristic | null = null;
  let bestDraw = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const arm = arms.find((x) => x.characteristic === candidate);
    const draw = sampleBeta(arm?.a ?? prior.a, arm?.b ?? prior.b, rng);
    if (draw > bestDraw) {
      best = candidate;
      bestDraw = draw;
    }
  }
  return best;
}

/**
 * Whether a channel's data may override the default rule: at least two characteristics
 * have `minLeases` leases each, so there is something to compare.
 */
export function enoughEvidence(
  posteriorsForChannel: readonly Pick<Posterior, "leases">[],
  minLeases: number,
): boolean {
  let measured = 0;
  for (const p of posteriorsForChannel) if (p.leases >= minLeases) measured++;
  return measured >= 2;
}

export interface PreferenceInput {
  arms: readonly (BetaArm & Pick<Posterior, "leases">)[];
  candidates: readonly Characteristic[];
  rng: () => number;
  exploration: number;
  minLeases: number;
  prior?: BetaPrior;
}

/**
 * The assignment policy's question: which characteristic, if any, should override the
 * default rule for this visitor? Null means "use the default rule". Before there is enough
 * evidence only the exploration share is spent on uniform picks, which is what gathers it.
 */
export function preferCharacteristic(input: PreferenceInput): Characteristic | null {
  const { arms, candidates, rng, exploration, minLeases, prior } = input;
  if (exploration === 0 || candidates.length === 0) return null;
  if (enoughEvidence(arms, minLeases)) {
    return thompsonChoose(arms, candidates, rng, exploration, prior);
  }
  if (rng() >= exploration) return null;
  return candidates[Math.floor(rng() * candidates.length)] ?? null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
