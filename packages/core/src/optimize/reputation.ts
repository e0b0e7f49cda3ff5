/** A call to a tracking number, as reputation needs it. */
export interface CallRecord {
  numberId: string;
  /** Epoch ms the call started. */
  at: number;
  durationS: number;
  answered: boolean;
  /** The session the call was matched to, or null if none was. */
  sessionId: string | null;
  /** Caller's number, or null when withheld. */
  caller: string | null;
}

export type ReputationReason =
  | "short_calls_without_session"
  | "answer_rate_falling"
  | "repeat_caller_pattern";

export interface Reputation {
  numberId: string;
  /** 0 (clean) to 1 (certainly burnt): 1 − Π(1 − signal) over the signals below. */
  score: number;
  reasons: { reason: ReputationReason; strength: number; detail: string }[];
}

export interface ReputationOptions {
  /** Calls shorter than this with no session look like robocalls; default 10 s. */
  shortCallS?: number;
  /** Below this many calls a signal is not judged; default 5. */
  minCalls?: number;
  /** The recent window compared against the rest, for the answer rate; default 7 days. */
  recentDays?: number;
  /** A caller with this many unmatched calls is a pattern; default 3. */
  repeatCalls?: number;
}

const DAY_MS = 86_400_000;

/**
 * How suspicious a number's traffic has turned, from its calls: many short calls that match
 * no session, an answer rate falling in the recent window, and the same callers ringing
 * again and again without a session.
 */
export function reputation(
  numberId: string,
  calls: readonly CallRecord[],
  now: number,
  options: ReputationOptions = {},
): Reputation {
  const shortCallS = options.shortCallS ?? 10;
  const minCalls = options.minCalls ?? 5;
  const recentFrom = now - (options.recentDays ?? 7) * DAY_MS;
  const repeatCalls = options.repeatCalls ?? 3;
  const reasons: Reputation["reasons"] = [];

  if (calls.length >= minCalls) {
    const junk = calls.filter((c) => c.sessionId === null && c.durationS < shortCallS).length;
    const share = junk / calls.length;
    if (share >= 0.3) {
      reasons.push({
        reason: "short_calls_without_session",
        strength: share,
        detail: `${junk} of ${calls.length} calls under ${shortCallS}s matched no session`,
      });
    }
  }

  const recent = calls.filter((c) => c.at >= recentFrom && c.at <= now);
  const earlier = calls.filter((c) => c.at < recentFrom);
  if (recent.length >= minCalls && earlier.length >= minCalls) {
    const before = answerRate(earlier);
    const after = answerRate(recent);
    const drop = before - after;
    if (drop >= 0.2) {
      reasons.push({
        reason: "answer_rate_falling",
        strength: Math.min(1, drop / Math.max(before, 1e-9)),
        detail: `answer rate fell from ${pct(before)} to ${pct(after)}`,
      });
    }
  }

  const unmatchedByCaller = new Map<string, number>();
  for (const c of calls) {
    if (c.sessionId !== null || c.caller === null) continue;
    unmatchedByCaller.set(c.caller, (unmatchedByCaller.get(c.caller) ?? 0) + 1);
  }
  let repeated = 0;
  let repeaters = 0;
  for (const count of unmatchedByCaller.values()) {
    if (count < repeatCalls) continue;
    repeated += count;
    repeaters++;
  }
  if (repeaters > 0 && calls.length >= minCalls) {
    reasons.push({
      reason: "repeat_caller_pattern",
      strength: repeated / calls.length,
      detail: `${repeaters} caller(s) made ${repeated} calls with no session`,
    });
  }

  const clean = reasons.reduce((p, r) => p * (1 - r.strength), 1);
  return { numberId, score: 1 - clean, reasons };
}

function answerRate(calls: readonly CallRecord[]): number {
  return calls.filter((c) => c.answered).length / calls.length;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
