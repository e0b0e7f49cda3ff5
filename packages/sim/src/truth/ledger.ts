import type { Channel, DeviceType } from "@ringtrail/core";
import { type Candidate, HOLDER_WINDOWS, LINKED_LOOKBACK_MS } from "@ringtrail/core/match";

/** What the simulator knows about a session the server created. */
export interface SessionTruth {
  id: string;
  visitorId: string | null;
  /** Index of the planned visitor. */
  visitor: number;
  channel: Channel;
  /** Where its IP geolocates: what the server records. */
  region: string;
  device: DeviceType;
  startedAt: number;
  lastSeen: number;
  /** `tel:` clicks: number -> click times. */
  telClicks: Map<string, number[]>;
}

interface Hold {
  session: SessionTruth;
  start: number;
}

/** Candidates are kept for the longest matcher lookback (the rate model's); FS filters to 72 h. */
const CANDIDATE_WINDOW_MS = HOLDER_WINDOWS.rates.allMs;

/**
 * The simulator's own record of which session was shown which number when, kept from the
 * server's answers: the ground truth the baseline and the oracle read, and the source of
 * every call's candidate sessions.
 */
export class Ledger {
  readonly sessions = new Map<string, SessionTruth>();
  private readonly holds = new Map<string, Hold[]>();
  private readonly byVisitor = new Map<string, SessionTruth[]>();

  constructor(private readonly holdMs: number) {}

  /** A page view answered with `session` and `number` (null: no number shown). */
  view(
    at: number,
    session: Omit<SessionTruth, "startedAt" | "lastSeen" | "telClicks">,
    number: string | null,
  ): SessionTruth {
    let s = this.sessions.get(session.id);
    if (!s) {
      s = { ...session, startedAt: at, lastSeen: at, telClicks: new Map() };
      this.sessions.set(s.id, s);
      if (s.visitorId) {
        const list = this.byVisitor.get(s.visitorId) ?? [];
        list.push(s);
        this.byVisitor.set(s.visitorId, list);
      }
    }
    s.lastSeen = Math.max(s.lastSeen, at);
    if (number !== null) {
      const list = this.holds.get(number) ?? [];
      const last = list.at(-1);
      if (last?.session !== s) list.push({ session: s, start: at });
      this.holds.set(number, list);
    }
    return s;
  }

  beat(sessionId: string, at: number, telClick: { number: string; at: number } | null): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    s.lastSeen = Math.max(s.lastSeen, at);
    if (telClick) {
      const list = s.telClicks.get(telClick.number) ?? [];
      list.push(telClick.at);
      s.telClicks.set(telClick.number, list);
    }
  }

  /** Every lease the server gave, as core's rate exposure reads them. */
  *leaseSpans(): Generator<{ start: number; lastSeenAt: number }> {
    for (const list of this.holds.values())
      for (const { session, start } of list) yield { start, lastSeenAt: session.lastSeen };
  }

  /** Pool numbers that were shown at least once. */
  get numbersShown(): number {
    return this.holds.size;
  }

  /** The most recent session shown `number` at or before `at`: the naive baseline's answer. */
  lastHolder(number: string, at: number): SessionTruth | null {
    return this.lastHold(number, at)?.session ?? null;
  }

  private lastHold(number: string, at: number): Hold | undefined {
    const list = this.holds.get(number) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if ((list[i] as Hold).start <= at) return list[i];
    return undefined;
  }

  /** Sessions shown `number` before `at` and seen within the lookback, as core's candidates. */
  candidates(number: string, at: number): Candidate[] {
    const out: Candidate[] = [];
    const list = this.holds.get(number) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const { session: s, start } = list[i] as Hold;
      if (start > at) continue;
      if (start < at - 2 * CANDIDATE_WINDOW_MS) break;
      if (s.lastSeen < at - CANDIDATE_WINDOW_MS) continue;
      if (out.some((c) => c.sessionId === s.id)) continue;
      out.push(this.candidateOf(s, at, start, s.telClicks.get(number) ?? []));
    }
    return out;
  }

  /** The last session shown `number` before `at`, if seen within `reachMs`, as a candidate. */
  lastHolderCandidate(number: string, at: number, reachMs: number): Candidate | null {
    const hold = this.lastHold(number, at);
    if (!hold || hold.session.lastSeen < at - reachMs) return null;
    return this.candidateOf(hold.session, at, hold.start, hold.session.telClicks.get(number) ?? []);
  }

  /**
   * A visitor linked to the caller by an earlier call, as the server offers them: their latest
   * session of the last 30 days, which never held this number, its delay from its last beat.
   */
  linkedCandidate(visitorId: string, at: number): Candidate | null {
    const list = this.byVisitor.get(visitorId) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i] as SessionTruth;
      if (s.startedAt > at) continue;
      if (s.startedAt < at - LINKED_LOOKBACK_MS) return null;
      const candidate = this.candidateOf(s, at, s.startedAt, []);
      return { ...candidate, leaseEnd: candidate.lastSeenAt };
    }
    return null;
  }

  private candidateOf(
    s: SessionTruth,
    at: number,
    leaseStart: number,
    telClicks: readonly number[],
  ): Candidate {
    const lastSeenAt = Math.min(s.lastSeen, at);
    return {
      sessionId: s.id,
      visitorId: s.visitorId,
      leaseStart,
      leaseEnd: lastSeenAt + this.holdMs,
      lastSeenAt,
      telClicks: [...telClicks],
      region: s.region,
      country: "US",
      lat: null,
      lon: null,
      device: s.device,
      shared: false,
    };
  }
}
