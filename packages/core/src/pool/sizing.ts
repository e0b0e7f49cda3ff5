/**
 * Pool sizing as a loss system: visitors arrive, each holds a number for a while, and a
 * visitor who finds every number held is "blocked" (gets the fallback or a shared number).
 * The derivation is in the attribution-math notes, section 3.2. Blocking is not
 * misattribution: it answers "does each visitor get a unique number?", not "is the caller's
 * number still theirs?".
 */

/**
 * Offered load in Erlangs by Little's law, L = λ·W: the average number of numbers held at
 * once when sessions arrive at `arrivalsPerHour` and each holds its number for
 * `meanHoldSeconds` (time on site plus the hold after the last activity).
 *
 * @example offeredLoad(200, 180) // 10: Nimbata's 200 users/hour with 3-minute sessions
 */
export function offeredLoad(arrivalsPerHour: number, meanHoldSeconds: number): number {
  assertNonNegative("arrivalsPerHour", arrivalsPerHour);
  assertNonNegative("meanHoldSeconds", meanHoldSeconds);
  return (arrivalsPerHour * meanHoldSeconds) / 3600;
}

/**
 * Erlang B: the probability that a visitor finds all `servers` numbers held when `erlangs`
 * of load is offered. Uses the recursion B(0) = 1, B(n) = E·B(n−1) / (n + E·B(n−1)), which
 * stays within [0, 1] at every step, where the textbook ratio of E^n/n! sums overflows past
 * n ≈ 170.
 *
 * @example erlangB(15, 10) // ≈ 0.0365
 */
export function erlangB(servers: number, erlangs: number): number {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a non-negative integer, got ${servers}`);
  }
  assertNonNegative("erlangs", erlangs);
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

/**
 * The smallest pool size whose Erlang B blocking is at most `target` (default 1%). Size it
 * for the peak hour's load, not the daily average.
 *
 * @example sizeForBlocking(10) // 18
 */
export function sizeForBlocking(erlangs: number, target = 0.01): number {
  assertNonNegative("erlangs", erlangs);
  // A target of 0 needs infinitely many numbers for any load above zero.
  if (!(target > 0 && target <= 1)) {
    throw new RangeError(`target must be in (0, 1], got ${target}`);
  }
  // No load needs no numbers, though the recursion's B(0) = 1 would ask for one.
  if (erlangs === 0) return 0;
  // Same recursion as erlangB, stopping at the first n that meets the target: B falls
  // monotonically in n, so this takes about E + z·√E steps.
  let b = 1;
  let n = 0;
  while (b > target) {
    n++;
    b = (erlangs * b) / (n + erlangs * b);
  }
  return n;
}

function assertNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite non-negative number, got ${value}`);
  }
}
