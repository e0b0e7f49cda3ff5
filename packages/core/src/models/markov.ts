import { keyOf, type TouchKey } from "./touch";
import type { MarkovModel, TrainingJourney } from "./trained";

/**
 * Fits a first-order Markov chain START → keys → CONVERSION | NULL to converting and
 * non-converting journeys and returns each key's removal effect (Anderl et al.; formulas in
 * attribution-math.md 2.2): p_ij = n_ij / Σ_j n_ij, P(CONV) from the absorbing chain, and
 * RE(c) = 1 − P_{−c}(CONV) / P(CONV) where removing c sends every transition into c to NULL.
 * Journeys without touches say nothing about any key and are skipped.
 *
 * @example trainMarkov(journeys).removalEffects // { paid_search: 1, email: 0.5, … }
 */
export function trainMarkov(
  journeys: readonly TrainingJourney[],
  options: { groupBy?: TouchKey } = {},
): MarkovModel {
  const groupBy = options.groupBy ?? "channel";
  const index = new Map<string, number>();
  const paths: { states: number[]; converted: boolean }[] = [];
  for (const journey of journeys) {
    if (journey.touches.length === 0) continue;
    const states = journey.touches.map((touch) => {
      const key = keyOf(touch, groupBy);
      let i = index.get(key);
      if (i === undefined) {
        // State 0 is START, so keys count from 1.
        i = index.size + 1;
        index.set(key, i);
      }
      return i;
    });
    paths.push({ states, converted: journey.converted });
  }

  // Transient states are START and the keys; counts[i] holds n_ij to each transient j, then
  // the counts into CONVERSION and NULL.
  const size = index.size + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size + 2).fill(0));
  for (const { states, converted } of paths) {
    let from = 0;
    for (const to of states) {
      bump(counts, from, to);
      from = to;
    }
    bump(counts, from, converted ? size : size + 1);
  }

  const conversionProbability = absorbInConversion(counts, -1);
  const removalEffects: Record<string, number> = {};
  for (const [key, state] of index) {
    const without = absorbInConversion(counts, state);
    removalEffects[key] = conversionProbability > 0 ? 1 - without / conversionProbability : 0;
  }
  return { model: "markov", groupBy, conversionProbability, removalEffects };
}

function bump(counts: number[][], from: number, to: number): void {
  const row = counts[from];
  if (row !== undefined) row[to] = (row[to] ?? 0) + 1;
}

/**
 * P(absorption in CONVERSION | START) with state `removed` (or none, -1) sent to NULL: solves
 * x = Q x + r for the transient states, with x_removed = 0.
 */
function absorbInConversion(counts: readonly (readonly number[])[], removed: number): number {
  const size = counts.length;
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < size; i++) {
    const row = counts[i] ?? [];
    const out = row.reduce((s, n) => s + n, 0);
    const eq = new Array<number>(size).fill(0);
    eq[i] = 1;
    if (i === removed || out === 0) {
      a.push(eq);
      b.push(0);
      continue;
    }
    for (let j = 0; j < size; j++) {
      if (j !== removed) eq[j] = (eq[j] ?? 0) - (row[j] ?? 0) / out;
    }
    a.push(eq);
    b.push((row[size] ?? 0) / out);
  }
  return solve(a, b)[0] ?? 0;
}

/**
 * Gaussian elimination with partial pivoting. I − Q is non-singular here: every state was
 * left towards an absorbing one by at least one journey, so each can reach absorption.
 */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    }
    [a[col], a[pivot]] = [a[pivot] ?? [], a[col] ?? []];
    [b[col], b[pivot]] = [b[pivot] ?? 0, b[col] ?? 0];
    const top = a[col] ?? [];
    const p = top[col] ?? 0;
    if (p === 0) continue;
    for (let r = col + 1; r < n; r++) {
      const row = a[r] ?? [];
      const f = (row[col] ?? 0) / p;
      if (f === 0) continue;
      for (let c = col; c < n; c++) row[c] = (row[c] ?? 0) - f * (top[c] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] ?? [];
    let s = b[r] ?? 0;
    for (let c = r + 1; c < n; c++) s -= (row[c] ?? 0) * (x[c] ?? 0);
    const d = row[r] ?? 0;
    x[r] = d === 0 ? 0 : s / d;
  }
  return x;
}
