import { keyOf, type TouchKey } from "./touch";
import type { ShapleyModel, TrainingJourney } from "./trained";

const MAX_EXACT_PLAYERS = 20;

/** A set of players that together produced `value` (e.g. the channels of converting journeys). */
export interface Coalition {
  players: readonly string[];
  value: number;
}

export interface ShapleyOptions {
  /** Exact enumeration of all 2^K coalitions up to this many players (at most 20). Default 12. */
  exactUpTo?: number;
  /** Sampled permutations beyond it (each also used reversed, to cut variance). Default 2000. */
  permutations?: number;
  /** Uniform [0, 1) source for sampling; required when sampling. */
  rng?: () => number;
}

/**
 * Shapley values of the game v(S) = Σ value(T) over the given coalitions T ⊆ S: what the
 * players in S would have produced on their own. Exact for up to `exactUpTo` players, else a
 * Monte-Carlo mean over random orders (attribution-math.md 2.3). The values sum to v(all).
 *
 * @example shapleyValues([{ players: ["a"], value: 2 }, { players: ["a", "b"], value: 2 }])
 * // { values: { a: 3, b: 1 }, exact: true }
 */
export function shapleyValues(
  coalitions: readonly Coalition[],
  options: ShapleyOptions = {},
): { values: Record<string, number>; exact: boolean } {
  const { exactUpTo = 12, permutations = 2000, rng } = options;
  const players = [...new Set(coalitions.flatMap((c) => c.players))].sort();
  const index = new Map(players.map((p, i) => [p, i]));
  const members = coalitions.map((c) => [...new Set(c.players.map((p) => index.get(p) ?? 0))]);
  const values = coalitions.map((c) => c.value);
  // 2^20 values are 8 MB; beyond that the table, not the sampling error, is the problem.
  const exact = players.length <= Math.min(exactUpTo, MAX_EXACT_PLAYERS);
  let phi: number[];
  if (exact) {
    phi = exactShapley(players.length, members, values);
  } else {
    if (rng === undefined) {
      throw new RangeError(`${players.length} players need sampling: pass options.rng`);
    }
    phi = sampledShapley(players.length, members, values, permutations, rng);
  }
  return { values: Object.fromEntries(players.map((p, i) => [p, phi[i] ?? 0])), exact };
}

/** φ_i = Σ_{S ∌ i} |S|!(K−|S|−1)!/K! · (v(S ∪ i) − v(S)), over a table of all 2^K values. */
function exactShapley(k: number, members: number[][], values: number[]): number[] {
  const v = new Float64Array(2 ** k);
  members.forEach((m, c) => {
    let mask = 0;
    for (const i of m) mask |= 1 << i;
    v[mask] = (v[mask] ?? 0) + (values[c] ?? 0);
  });
  // Subset sums: afterwards v[S] = Σ value(T) for T ⊆ S.
  for (let i = 0; i < k; i++) {
    for (let mask = 0; mask < v.length; mask++) {
      if (mask & (1 << i)) v[mask] = (v[mask] ?? 0) + (v[mask ^ (1 << i)] ?? 0);
    }
  }
  const weight: number[] = [];
  for (let s = 0; s < k; s++) weight.push(1 / (k * binomial(k - 1, s)));
  const phi = new Array<number>(k).fill(0);
  for (let mask = 0; mask < v.length; mask++) {
    const size = popcount(mask);
    for (let i = 0; i < k; i++) {
      if (mask & (1 << i)) continue;
      const gain = (v[mask | (1 << i)] ?? 0) - (v[mask] ?? 0);
      phi[i] = (phi[i] ?? 0) + (weight[size] ?? 0) * gain;
    }
  }
  return phi;
}

/**
 * Mean marginal contribution over random player orders. In this game a coalition's value is
 * gained when its last member arrives, so each order only walks the coalitions of each player.
 */
function sampledShapley(
  k: number,
  members: number[][],
  values: number[],
  permutations: number,
  rng: () => number,
): number[] {
  const byPlayer: number[][] = Array.from({ length: k }, () => []);
  members.forEach((m, c) => {
    for (const i of m) byPlayer[i]?.push(c);
  });
  const phi = new Array<number>(k).fill(0);
  const missing = new Int32Array(members.length);
  const order = Array.from({ length: k }, (_, i) => i);
  const walk = (sequence: readonly number[]) => {
    members.forEach((m, c) => {
      missing[c] = m.length;
    });
    for (const i of sequence) {
      for (const c of byPlayer[i] ?? []) {
        missing[c] = (missing[c] ?? 0) - 1;
        if (missing[c] === 0) phi[i] = (phi[i] ?? 0) + (values[c] ?? 0);
      }
    }
  };
  for (let n = 0; n < permutations; n++) {
    shuffle(order, rng);
    walk(order);
    // The reversed order is as likely as the order itself and anti-correlated with it.
    walk([...order].reverse());
  }
  return phi.map((x) => x / (2 * permutations));
}

/** Fisher–Yates, in place. */
function shuffle(items: number[], rng: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i] ?? 0;
    items[i] = items[j] ?? 0;
    items[j] = a;
  }
}

function binomial(n: number, r: number): number {
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return out;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/**
 * Shapley values of the keys over an account's journeys, with v(S) = the number of converting
 * journeys whose keys all lie in S. Conversion counts rather than rates keep v monotone and
 * every value non-negative; the price is that non-converting journeys do not enter, and that
 * the values equal Zhao et al.'s "split each conversion evenly over its distinct channels"
 * (attribution-math.md 2.3), which the tests use as an independent check.
 */
export function trainShapley(
  journeys: readonly TrainingJourney[],
  options: ShapleyOptions & { groupBy?: TouchKey } = {},
): ShapleyModel {
  const groupBy = options.groupBy ?? "channel";
  const coalitions = journeys
    .filter((j) => j.converted && j.touches.length > 0)
    .map((j) => ({ players: j.touches.map((t) => keyOf(t, groupBy)), value: 1 }));
  const { values, exact } = shapleyValues(coalitions, options);
  return { model: "shapley", groupBy, values, exact };
}
