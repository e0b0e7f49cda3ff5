import { sampleBeta } from "./beta";
import type { BetaArm } from "./learning";

export interface Lift {
  /** Ratio of the posterior mean call rates, treated / baseline. */
  estimate: number;
  /** Equal-tailed 95% credible interval of the ratio, from paired posterior draws. */
  lower: number;
  upper: number;
}

/**
 * How much one characteristic lifts the call rate over another, with a credible interval:
 * the ratio of two Beta posteriors has no closed form, so it is drawn `draws` times.
 *
 * @example lift({ a: 61, b: 940 }, { a: 46, b: 955 }, rng) // { estimate: 1.33, lower: …, upper: … }
 */
export function lift(
  treated: Pick<BetaArm, "a" | "b">,
  baseline: Pick<BetaArm, "a" | "b">,
  rng: () => number,
  draws = 4000,
): Lift {
  if (!(draws >= 100)) throw new RangeError("lift needs at least 100 draws");
  const ratios = new Float64Array(draws);
  for (let i = 0; i < draws; i++) {
    ratios[i] = sampleBeta(treated.a, treated.b, rng) / sampleBeta(baseline.a, baseline.b, rng);
  }
  ratios.sort();
  const at = (p: number) => ratios[Math.min(draws - 1, Math.floor(p * draws))]!;
  const mean = (arm: Pick<BetaArm, "a" | "b">) => arm.a / (arm.a + arm.b);
  return { estimate: mean(treated) / mean(baseline), lower: at(0.025), upper: at(0.975) };
}
