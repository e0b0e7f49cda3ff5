/**
 * A small seeded uniform generator (mulberry32), for figures that must come out the same on
 * every read of the same data (a report's lift interval) and for test and bench data that
 * must be the same on every run.
 *
 * @example const rng = seededRandom(42); rng() // 0.6011…
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
