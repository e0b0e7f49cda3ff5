/**
 * Guards for estimated probability tables. Both mix the table with the uniform distribution
 * just enough to meet the bound, so the table still sums to 1 and keeps its ordering, where
 * clipping one entry would need the others renormalised and could break the bound again.
 */

/** Lowers the largest entry to `cap` (reclin2's mprob_max: m = 1 makes disagreement fatal). */
export function capMax(p: number[], cap: number): number[] {
  const n = p.length;
  const max = Math.max(...p);
  if (max <= cap || n < 2) return p;
  const t = (cap - 1 / n) / (max - 1 / n);
  return p.map((x) => t * x + (1 - t) / n);
}

/** Raises the smallest entry to `floor` (reclin2's uprob_min: u = 0 makes agreement certain). */
export function floorMin(p: number[], floor: number): number[] {
  const n = p.length;
  const min = Math.min(...p);
  if (min >= floor || floor >= 1 / n) return p;
  const t = (1 / n - floor) / (1 / n - min);
  return p.map((x) => t * x + (1 - t) / n);
}

/** Counts plus a pseudo-count per entry, normalised (Laplace smoothing). */
export function smoothed(counts: readonly number[], pseudoCount: number): number[] {
  let total = 0;
  for (const c of counts) total += c + pseudoCount;
  if (total === 0) return counts.map(() => 1 / counts.length);
  return counts.map((c) => (c + pseudoCount) / total);
}
