import {
  type CallForMatch,
  type Candidate,
  DEFAULT_MATCH_PARAMS,
  HOLDER_WINDOWS,
  type HolderWindow,
  LINK_PROBABILITY,
  MAX_LINKED,
  type MatchParams,
  scoreCall,
} from "@ringtrail/core/match";
import type { CallTruth } from "../truth/calls";
import type { Ledger } from "../truth/ledger";

/** A matcher's answer for one call: sessions most probable first, and P(no session). */
export interface Prediction {
  ranked: { session: string; p: number }[];
  none: number;
}

export type Predictions = ReadonlyMap<string, Prediction>;

/** "The last session that held the dialled number", certain of itself. */
export function baselinePredictions(calls: readonly CallTruth[]): Predictions {
  return new Map(
    calls.map((c) => [
      c.sid,
      c.baseline ? { ranked: [{ session: c.baseline, p: 1 }], none: 0 } : { ranked: [], none: 1 },
    ]),
  );
}

/**
 * Core's scoreCall over the same candidates. `history: "truth"` links callers to the visitors
 * of their earlier calls' true sessions (what an oracle knows); `"own"` to the visitors of this
 * matcher's own earlier answers (walkCalls), as the server can.
 */
export function corePredictions(
  calls: readonly CallTruth[],
  ledger: Ledger,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
  history: "truth" | "own" = "own",
): Predictions {
  return coreMatching(calls, ledger, params, history).predictions;
}

/** A matcher's walk over the calls: answers, the calls as scored, and the links it made. */
export interface CallWalk {
  predictions: Map<string, Prediction>;
  /** Each call with the caller history it was scored on, by sid. */
  matches: Map<string, CallForMatch>;
  /** Each call's candidates as scored: the number's holders, then linked visitors', by sid. */
  candidates: Map<string, Candidate[]>;
  /** When each caller–visitor link was made (the call whose answer made it). */
  links: number[];
}

/**
 * A call's candidates as the server loads them: the number's holders whose lease ended within
 * the matcher's window (HOLDER_WINDOWS: FS 72 h; the rate model 7 days, or with none the
 * last holder of 30 days), then, for each visitor linked to the caller
 * (`match.callerHistory`) who is not among them, that visitor's latest session of the last 30
 * days.
 */
export function callCandidates(
  call: CallTruth,
  match: CallForMatch,
  ledger: Ledger,
  window: HolderWindow,
): Candidate[] {
  const candidates = call.candidates.filter((c) => c.leaseEnd >= call.at - window.allMs);
  if (candidates.length === 0 && window.lastMs > window.allMs) {
    const last = ledger.lastHolderCandidate(call.to, call.at, window.lastMs);
    if (last) candidates.push(last);
  }
  for (const visitorId of match.callerHistory.visitorIds.slice(0, MAX_LINKED)) {
    if (candidates.some((c) => c.visitorId === visitorId)) continue;
    const candidate = ledger.linkedCandidate(visitorId, call.at);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/**
 * Scores the calls in time order with `score`. `history: "truth"` links callers to the
 * visitors of their earlier calls' true sessions; `"own"` to the visitors of this matcher's
 * own earlier answers at least LINK_PROBABILITY likely (at most 5, the likeliest), as the
 * server does; candidates by callCandidates.
 */
export function walkCalls(
  calls: readonly CallTruth[],
  ledger: Ledger,
  history: "truth" | "own",
  window: HolderWindow,
  score: (match: CallForMatch, candidates: readonly Candidate[], call: CallTruth) => Prediction,
): CallWalk {
  const walk: CallWalk = {
    predictions: new Map(),
    matches: new Map(),
    candidates: new Map(),
    links: [],
  };
  // Each caller's linked visitors with their likeliest answer, as the server ranks them.
  const own = new Map<string, Map<string, number>>();
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    const linked = own.get(call.from) ?? new Map<string, number>();
    const likeliest = [...linked]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_LINKED)
      .map(([visitor]) => visitor);
    const match =
      history === "truth"
        ? call.match
        : { ...call.match, callerHistory: { visitorIds: likeliest } };
    walk.matches.set(call.sid, match);
    const candidates = callCandidates(call, match, ledger, window);
    walk.candidates.set(call.sid, candidates);
    const prediction = score(match, candidates, call);
    walk.predictions.set(call.sid, prediction);
    for (const r of prediction.ranked) {
      if (r.p < LINK_PROBABILITY) break;
      const visitor = ledger.sessions.get(r.session)?.visitorId;
      if (!visitor) continue;
      if (!linked.has(visitor)) walk.links.push(call.at);
      linked.set(visitor, Math.max(r.p, linked.get(visitor) ?? 0));
      own.set(call.from, linked);
    }
  }
  return walk;
}

/**
 * corePredictions with the call each answer was scored on (its caller history filled in), by
 * call sid: what the server stores as comparison levels and re-estimates from.
 */
export function coreMatching(
  calls: readonly CallTruth[],
  ledger: Ledger,
  params: MatchParams = DEFAULT_MATCH_PARAMS,
  history: "truth" | "own" = "own",
): CallWalk {
  return walkCalls(calls, ledger, history, HOLDER_WINDOWS.fs, (match, candidates) => {
    const score = scoreCall(match, candidates, params);
    return {
      ranked: score.candidates.map((c) => ({ session: c.sessionId, p: c.probability })),
      none: score.none,
    };
  });
}
