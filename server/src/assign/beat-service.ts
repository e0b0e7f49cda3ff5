import type { InStatement } from "@libsql/client";
import { type GroupCommit, newId, type Queryable } from "@ringtrail/db";
import { extendStatements } from "./claim-statements";
import type { PoolStateCache } from "./pool-state";
import type { SessionCache, SessionState } from "./session-cache";
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
    const until = now + site.holdS * 1000;
    const live = session.lastSeenAt + site.holdS * 1000 > now;
    const stmts: InStatement[] = live ? extendStatements(sessionId, now, until) : [];
    for (const e of events) {
      stmts.push({
        sql: "INSERT INTO events (id, account_id, session_id, type, number, at, value) VALUES (?, ?, ?, ?, ?, ?, NULL)",
        args: [newId("evt"), session.accountId, sessionId, e.type, e.number, e.at],
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
      pools.extended(
        session.swaps.flatMap((s) => (s.numberId ? [s.numberId] : [])),
        sessionId,
        until,
      );
      sessions.set(session);
    }
    return { session, live };
  }
}
