/**
 * The one-link-per-call posterior (attribution-math.md 1.4): the call came from exactly one
 * of its candidates, each a priori equally likely, or from none of them.
 *
 *   P(s | c) = π_s · 2^W_s / (π_∅ + Σ_s' π_s' · 2^W_s'),   π_s = (1 − π_∅) / |C|
 *
 * where W_s = Σ_k log2(m_k/u_k) is the candidate's match weight. Dividing the likelihood of
 * every outcome by Π u over all candidates leaves the null outcome with a Bayes factor of 1.
 */
export interface Posterior {
  candidates: number[];
  none: number;
  /**
   * ln(π_∅ + Σ π_s 2^W_s): the call's log-likelihood relative to "every candidate is a
   * non-match" (add Σ ln u over the candidates for the absolute value).
   */
  logEvidence: number;
}

/** Posterior over candidates and the null outcome, from log2 match weights; log-sum-exp safe. */
export function posterior(weights: readonly number[], none: number): Posterior {
  if (!(none >= 0 && none <= 1)) throw new RangeError(`none must be in [0, 1], got ${none}`);
  // With nothing to choose from the call is unattributed whatever the prior says.
  if (weights.length === 0) return { candidates: [], none: 1, logEvidence: 0 };
  const logPrior = Math.log((1 - none) / weights.length);
  const logTerms = weights.map((w) => logPrior + w * Math.LN2);
  const logNone = Math.log(none);
  let max = logNone;
  for (const t of logTerms) if (t > max) max = t;
  // Every outcome impossible (m = 0 somewhere and no null mass): nothing can be attributed.
  if (max === Number.NEGATIVE_INFINITY) {
    return { candidates: weights.map(() => 0), none: 1, logEvidence: max };
  }
  // A +Infinity weight (u = 0) makes that candidate certain; share among such candidates.
  if (max === Number.POSITIVE_INFINITY) {
    const certain = logTerms.filter((t) => t === max).length;
    return {
      candidates: logTerms.map((t) => (t === max ? 1 / certain : 0)),
      none: 0,
      logEvidence: max,
    };
  }
  let sum = Math.exp(logNone - max);
  for (const t of logTerms) sum += Math.exp(t - max);
  const logEvidence = max + Math.log(sum);
  return {
    candidates: logTerms.map((t) => Math.exp(t - logEvidence)),
    none: Math.exp(logNone - logEvidence),
    logEvidence,
  };
}
