import {
  DEFAULT_MATCH_PARAMS,
  DEFAULT_RATE_PARAMS,
  estimateRates,
  HOLDER_WINDOWS,
  labelledCounts,
  type MatchParams,
  maximization,
  type RatePair,
  type RateParams,
  rateExposure,
  scoreCallByRate,
} from "@ringtrail/core/match";
import type { CallTruth } from "../truth/calls";
import type { Ledger } from "../truth/ledger";
import { type CallWalk, type Prediction, walkCalls } from "./prediction";

/** The window the rates are estimated over: the traffic's days, not the calls' tail after. */
export interface RateWindow {
  from: number;
  to: number;
}

interface RateWalk extends CallWalk {
  /** Each call's pairs in candidate order, with the caller history of that moment. */
  pairs: Map<string, RatePair[]>;
}

/** Core's rate model over the calls in time order, as walkCalls links callers. */
export function rateWalk(
  calls: readonly CallTruth[],
  ledger: Ledger,
  rate: RateParams,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
  history: "own" | "truth" = "own",
): RateWalk {
  const pairs = new Map<string, RatePair[]>();
  const walk = walkCalls(
    calls,
    ledger,
    history,
    HOLDER_WINDOWS.rates,
    (match, candidates, call) => {
      const score = scoreCallByRate(match, candidates, rate, params);
      const byId = new Map(score.candidates.map((c) => [c.sessionId, c.pair]));
      pairs.set(
        call.sid,
        candidates.map((c) => byId.get(c.sessionId) as RatePair),
      );
      return {
        ranked: score.candidates.map((c) => ({ session: c.sessionId, p: c.probability })),
        none: score.none,
      };
    },
  );
  return { ...walk, pairs };
}

function exposureOf(
  calls: readonly CallTruth[],
  ledger: Ledger,
  window: RateWindow,
  links: number[],
) {
  return rateExposure({
    ...window,
    leases: ledger.leaseSpans(),
    numbers: ledger.numbersShown,
    links: links.filter((at) => at >= window.from && at < window.to),
    callers: new Set(calls.map((c) => c.from)).size,
  });
}

/**
 * What the server would run: score with the default rates, estimate the rates by EM from the
 * pairs and links those answers give (calls inside the window only, P(no session) averaging
 * the documented 15%), then score again.
 */
export function estimatedRateMatching(
  calls: readonly CallTruth[],
  ledger: Ledger,
  window: RateWindow,
): { predictions: Map<string, Prediction>; rate: RateParams } {
  const inside = calls.filter((c) => c.at >= window.from && c.at < window.to);
  const first = rateWalk(calls, ledger, DEFAULT_RATE_PARAMS);
  const exposure = exposureOf(inside, ledger, window, first.links);
  const rate = estimateRates(
    inside.map((c) => first.pairs.get(c.sid) ?? []),
    exposure,
    DEFAULT_RATE_PARAMS,
    { noneShare: DEFAULT_MATCH_PARAMS.none },
  ).params;
  return { predictions: rateWalk(calls, ledger, rate).predictions, rate };
}

/**
 * The rate model's oracle: rates counted from the true causes and caller-side m/u from the
 * truth, on what ours observes (`history: "own"`) or with every earlier caller known.
 */
export function oracleRateMatching(
  calls: readonly CallTruth[],
  ledger: Ledger,
  window: RateWindow,
  params: MatchParams,
  history: "own" | "truth",
): { predictions: Map<string, Prediction>; rate: RateParams } {
  const inside = calls.filter((c) => c.at >= window.from && c.at < window.to);
  // Pairs and links of the oracle's own answers need its rates; two passes settle them.
  let rate = DEFAULT_RATE_PARAMS;
  for (let pass = 0; pass < 2; pass++) {
    const walk = rateWalk(calls, ledger, rate, params, history);
    const labelled = inside.map((c) => {
      const pairs = walk.pairs.get(c.sid) ?? [];
      const candidates = walk.candidates.get(c.sid) ?? [];
      const index = candidates.findIndex((s) => s.sessionId === c.session);
      return { pairs, cause: index < 0 ? null : { index, repeat: c.kind === "repeat" } };
    });
    const exposure = exposureOf(inside, ledger, window, walk.links);
    rate = maximization(labelledCounts(labelled), exposure, rate);
  }
  return { predictions: rateWalk(calls, ledger, rate, params, history).predictions, rate };
}
