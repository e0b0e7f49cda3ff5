import type { CallTruth } from "../truth/calls";
import type { Ledger } from "../truth/ledger";
import type { Prediction, Predictions } from "./prediction";

export interface Metrics {
  /** Calls scored (calls the matcher has an answer for). */
  calls: number;
  /** Calls that truly came from a session, and the share whose top candidate is that session. */
  session_calls: number;
  top1: number;
  /** Top answer right counting "no session" as a class, over all calls. */
  top1_with_none: number;
  /** Mean over calls of Σ (p − y)² over the candidates, the true session and "no session". */
  brier: number;
  /** Σ over channels |credited − true| of the last-touch credit, per call (0..2). */
  credit_error: number;
  /** Share of calls whose most probable outcome is "no session". */
  unattributed: number;
}

const NONE = "(none)";

/** Scores one matcher's predictions against the truth. */
export function scoreMatcher(
  calls: readonly CallTruth[],
  predictions: Predictions,
  ledger: Ledger,
): Metrics {
  let n = 0;
  let sessionCalls = 0;
  let top1 = 0;
  let top1All = 0;
  let brier = 0;
  let unattributed = 0;
  const credited = new Map<string, number>();
  const truth = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const channel = (session: string) => ledger.sessions.get(session)?.channel ?? "(unknown)";
  for (const call of calls) {
    const pred: Prediction | undefined = predictions.get(call.sid);
    if (!pred) continue;
    n++;
    const top = pred.ranked[0];
    const predictsNone = !top || pred.none >= top.p;
    if (predictsNone) unattributed++;
    if (call.session !== null) {
      sessionCalls++;
      if (top?.session === call.session) top1++;
    }
    if (predictsNone ? call.session === null : top?.session === call.session) top1All++;
    let sq = (pred.none - (call.session === null ? 1 : 0)) ** 2;
    let truthSeen = call.session === null;
    for (const r of pred.ranked) {
      const y = r.session === call.session ? 1 : 0;
      if (y) truthSeen = true;
      sq += (r.p - y) ** 2;
    }
    if (!truthSeen) sq += 1;
    brier += sq;
    add(truth, call.session ? channel(call.session) : NONE, 1);
    add(credited, NONE, pred.none);
    for (const r of pred.ranked) add(credited, channel(r.session), r.p);
  }
  let dev = 0;
  for (const k of new Set([...credited.keys(), ...truth.keys()]))
    dev += Math.abs((credited.get(k) ?? 0) - (truth.get(k) ?? 0));
  const per = (x: number, d: number) => (d === 0 ? 0 : round(x / d));
  return {
    calls: n,
    session_calls: sessionCalls,
    top1: per(top1, sessionCalls),
    top1_with_none: per(top1All, n),
    brier: per(brier, n),
    credit_error: per(dev, n),
    unattributed: per(unattributed, n),
  };
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
