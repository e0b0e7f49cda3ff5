import { parsePhone } from "../phone";

export interface CallFacts {
  /** The caller id as the carrier sent it: E.164, or "anonymous", "restricted", empty. */
  caller: string | null;
  /** The tracking number dialled, E.164. */
  called?: string | null;
  durationSec: number;
  /** The call was matched to a website session (a DNI number shown to a visitor). */
  hasSession: boolean;
  /** Calls from the same caller id to this account in the past 24 hours, this one included. */
  recentCallsFromCaller: number;
  /** The caller id is on the account's or a shared block list (the server looks it up). */
  listed?: boolean;
  transcript?: string | null;
}

export interface SpamSignal {
  code: string;
  /** This signal's own probability-like weight in (0, 1). */
  weight: number;
}

export interface SpamScore {
  /** 1 - Π(1 - weight): independent signals combined as a noisy OR, in [0, 1). */
  score: number;
  isSpam: boolean;
  reasons: SpamSignal[];
}

/** Phrases of recorded sales and scam scripts, matched case-insensitively. */
const SCRIPT_PATTERNS: readonly [code: string, pattern: RegExp][] = [
  ["script:warranty", /\b(?:car|vehicle|auto)(?:'s)? (?:extended )?warranty\b/i],
  ["script:press_digit", /\bpress (?:one|two|nine|[0-9])\b/i],
  ["script:not_sales", /\bthis is not a sales call\b/i],
  ["script:final_notice", /\b(?:final|last) (?:notice|attempt)\b/i],
  ["script:gov_threat", /\b(?:social security|irs|arrest warrant|legal action)\b/i],
  ["script:prize", /\byou(?:'ve| have) (?:been selected|won)\b/i],
  [
    "script:debt_relief",
    /\b(?:lower your (?:interest )?rate|debt relief|student loan forgiveness)\b/i,
  ],
];

/** Default decision threshold: two moderate signals or one strong one. */
export const SPAM_THRESHOLD = 0.5;

/**
 * A heuristic robocall/spam score for a call, with the signals that produced it. Each signal
 * alone stays below the threshold except a block-list hit; a short, session-less call from a
 * withheld or repeating number crosses it.
 */
export function scoreSpam(call: CallFacts, threshold = SPAM_THRESHOLD): SpamScore {
  const reasons: SpamSignal[] = [];
  const add = (code: string, weight: number) => reasons.push({ code, weight });

  const caller = call.caller?.trim() ?? "";
  const parsed = /\d/.test(caller) ? parsePhone(caller) : null;
  if (parsed === null) add("caller_id_withheld", 0.3);
  else if (!parsed.ok) add("caller_id_invalid", 0.35);
  if (call.listed) add("listed", 0.8);
  if (!call.hasSession) add("no_session", 0.1);
  if (call.durationSec < 10) add("very_short", 0.25);
  else if (call.durationSec < 30) add("short", 0.1);
  if (call.recentCallsFromCaller >= 5) add("repeated_caller", 0.35);
  else if (call.recentCallsFromCaller >= 3) add("repeated_caller", 0.15);
  // Neighbour spoofing: the same NANP area code and exchange as the number dialled.
  if (parsed?.ok && call.called?.startsWith("+1") && parsed.e164.startsWith("+1")) {
    if (parsed.e164.slice(0, 8) === call.called.slice(0, 8) && parsed.e164 !== call.called) {
      add("neighbour_spoofing", 0.2);
    }
  }
  for (const [code, pattern] of SCRIPT_PATTERNS) {
    if (call.transcript && pattern.test(call.transcript)) add(code, 0.45);
  }
  const score = 1 - reasons.reduce((keep, { weight }) => keep * (1 - weight), 1);
  return { score, isSpam: score >= threshold, reasons };
}
