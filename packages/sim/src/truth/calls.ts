import type { CallForMatch, Candidate } from "@ringtrail/core/match";

/** One call as the simulator placed it, with the truth and what the matchers see. */
export interface CallTruth {
  sid: string;
  kind: "web" | "repeat" | "offline" | "spam";
  at: number;
  from: string;
  to: string;
  /** The session that showed the caller the number; null for calls with no session. */
  session: string | null;
  visitor: number | null;
  /** The call as core's matcher sees it (history filled from the truth: the oracle's view). */
  match: CallForMatch;
  /** Sessions that held the dialled number in the lookback, at call time. */
  candidates: Candidate[];
  /** The last session shown the dialled number before the call. */
  baseline: string | null;
}
