import type { InStatement } from "@libsql/client";
import { type GroupCommit, newId, type Queryable } from "@ringtrail/db";
import type { EvidenceCache } from "../optimize/evidence-cache";
import { extendStatements } from "./claim-statements";
import type { PoolStateCache } from "./pool-state";
import { leasedNumberIds, type SessionCache, type SessionState } from "./session-cache";
import { loadSession } from "./session-store";
import type { SiteConfigCache } from "./site-config";

export interface BeatEvent {
  type: string;
  number: string | null;
  at: number;
}

export interface BeatResult {
  session: SessionState;
  /** False when every lease had already run out: the page should ask for numbers again. */
  live: boolean;
}

interface Deps {
  client: Queryable;
  writer: GroupCommit;
  pools: PoolStateCache;
  sessions: SessionCache;
  sites: SiteConfigCache;
  evidence: EvidenceCache;
  now: () => number;
}

/** Heartbeats keep a session's leases alive and carry its browser events. */
export class BeatService {
  constructor(private readonly deps: Deps) {}

  async beat(
    sessionId: string,
    events: BeatEvent[],
    swapMs: number | null,
  ): Promise<BeatResult | null> {
    const { client, writer, pools, sessions, sites, now: clock } = this.deps;
    const now = clock();
    const session = sessions.get(sessionId) ?? (await loadSession(client, sessionId, now));
    if (!session) return null;
    const site = await sites.bySiteId(session.siteId);
    if (!site) return null;
    const holdMs = this.deps.evidence.holdS(site) * 1000;
    const until = now + holdMs;
    const live = session.lastSeenAt + holdMs > now;
    const stmts: InStatement[] = live ? extendStatements(sessionId, now, until) : [];
    for (const e of events) {
      stmts.push({
        sql: "INSERT INTO events (id, account_id, session_id, type, number, at, value) VALUES (?, ?, ?, ?, ?, ?, NULL)",
        args: [
          newId("evt"),
          session.accountId,
          sessionId,
          e.type,
          shownNumber(e.number, session),
          e.at,
        ],
      });
    }
    if (swapMs !== null) {
      stmts.push({
        sql: "INSERT INTO events (id, account_id, session_id, type, number, at, value) VALUES (?, ?, ?, 'swap_timing', NULL, ?, ?)",
        args: [newId("evt"), session.accountId, sessionId, now, String(swapMs)],
      });
    }
    if (stmts.length > 0) await writer.write(stmts);
    if (live) {
      session.lastSeenAt = now;
      pools.extended(leasedNumberIds(session), sessionId, until);
      sessions.set(session);
    }
    return { session, live };
  }
}

/**
 * A clicked `tel:` link as the page wrote it ("1-888-555-0130", "+18885550130") resolved to
 * the E.164 of a number this session was shown, by its trailing digits; null when it is none
 * of them (a link to some other number is no signal about ours).
 */
export function shownNumber(raw: string | null, session: SessionState): string | null {
  const digits = (raw ?? "").replace(/\D/g, "");
  if (digits.length < 7) return null;
  for (const s of session.swaps) {
    const shown = s.number.replace(/\D/g, "");
    if (shown.endsWith(digits) || digits.endsWith(shown.slice(-10))) return s.number;
  }
  return null;
}
