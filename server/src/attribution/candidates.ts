import type { DeviceType } from "@ringtrail/core";
import {
  type Candidate,
  type HolderWindow,
  LINK_PROBABILITY,
  LINKED_LOOKBACK_MS,
  MAX_LINKED,
} from "@ringtrail/core/match";
import type { Touch } from "@ringtrail/core/models";
import type { Queryable } from "@ringtrail/db";
import { type CallFacts, hasCallerId } from "./call-facts";

/** A number leased far more often than this within the window is shared by everyone anyway. */
const MAX_LEASES = 500;

/** A candidate session with the touch it contributes to journeys. */
export interface SessionCandidate extends Candidate {
  touch: Touch;
}

/**
 * Sessions whose lease on the dialed number overlaps [at − window, at], the latest first, at
 * most `limit`: one indexed range on leases (number_id, until), each joined to its session and
 * its `tel:` clicks on that number. A session that leased the number more than once counts
 * once, over the union of its leases.
 */
const LEASES_SQL = `SELECT l.session_id, l.assigned_at, l.last_seen_at AS lease_seen, l.until, l.released_at,
    l.kind, s.visitor_id, s.started_at, s.channel, s.source, s.campaign, s.landing_path, s.region,
    s.country, s.lat, s.lon, s.device,
    (SELECT group_concat(e.at) FROM events e
      WHERE e.session_id = l.session_id AND e.type = 'tel_click' AND e.number = ?) AS clicks
  FROM leases l JOIN sessions s ON s.id = l.session_id
  WHERE l.number_id = ? AND l.until >= ? AND l.assigned_at <= ? AND l.account_id = ?
    AND (l.released_at IS NULL OR l.released_at >= ?)
  ORDER BY l.until DESC LIMIT ?`;

/** Visitors behind this caller's earlier calls to the account, the likeliest first. */
const LINKED_SQL = `SELECT s.visitor_id FROM calls c
  JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase
  JOIN sessions s ON s.id = m.session_id
  WHERE c.account_id = ? AND c."from" = ? AND c.started_at < ? AND m.probability >= ${LINK_PROBABILITY}
    AND s.visitor_id IS NOT NULL
  GROUP BY s.visitor_id ORDER BY MAX(m.probability) DESC, s.visitor_id LIMIT ${MAX_LINKED}`;

const LATEST_SESSION_SQL = `SELECT id AS session_id, started_at AS assigned_at, last_seen_at AS lease_seen,
    last_seen_at AS until, NULL AS released_at, 'exclusive' AS kind, visitor_id, started_at, channel,
    source, campaign, landing_path, region, country, lat, lon, device, NULL AS clicks
  FROM sessions WHERE visitor_id = ? AND account_id = ? AND started_at <= ? AND started_at >= ?
  ORDER BY started_at DESC LIMIT 1`;

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function candidateOf(row: Row): SessionCandidate {
  const sessionId = String(row.session_id);
  const until = Number(row.until);
  const released = num(row.released_at);
  return {
    sessionId,
    visitorId: str(row.visitor_id),
    leaseStart: Number(row.assigned_at),
    leaseEnd: released === null ? until : Math.min(until, released),
    lastSeenAt: Number(row.lease_seen),
    telClicks: row.clicks ? String(row.clicks).split(",").map(Number) : [],
    region: str(row.region),
    country: str(row.country),
    lat: num(row.lat),
    lon: num(row.lon),
    device: (str(row.device) ?? "desktop") as DeviceType,
    shared: row.kind === "shared",
    touch: {
      sessionId,
      at: Number(row.started_at),
      channel: String(row.channel) as Touch["channel"],
      source: str(row.source),
      campaign: str(row.campaign),
      landingPath: str(row.landing_path),
    },
  };
}

/** Folds a second lease of one session into its candidate: the union of the intervals. */
function merge(into: SessionCandidate, other: SessionCandidate): void {
  into.leaseStart = Math.min(into.leaseStart, other.leaseStart);
  into.leaseEnd = Math.max(into.leaseEnd, other.leaseEnd);
  into.lastSeenAt = Math.max(into.lastSeenAt, other.lastSeenAt);
  into.shared ||= other.shared;
}

export interface CandidateSet {
  sessions: SessionCandidate[];
  /** Visitors linked to this caller by earlier calls. */
  linked: string[];
}

/**
 * The sessions that may have produced a call: those that held the dialed number within the
 * matcher's window before it (HOLDER_WINDOWS; with none, the number's last holder within its
 * longer reach), plus, for each visitor linked to the caller by an earlier call, that
 * visitor's latest session of the last 30 days (a returning caller may dial from memory). A
 * few indexed reads: leases by (number_id, until), calls by (account_id, from), sessions by
 * visitor.
 */
export async function loadCandidates(
  reads: Queryable,
  facts: CallFacts,
  window: HolderWindow,
): Promise<CandidateSet> {
  const byId = new Map<string, SessionCandidate>();
  if (facts.numberId !== null) {
    const holders = async (reachMs: number, limit: number) => {
      const start = facts.at - reachMs;
      const args = [facts.to, facts.numberId, start, facts.at, facts.accountId, start, limit];
      return (await reads.execute({ sql: LEASES_SQL, args })).rows;
    };
    let rows = await holders(window.allMs, MAX_LEASES);
    if (rows.length === 0 && window.lastMs > window.allMs) rows = await holders(window.lastMs, 1);
    for (const row of rows) {
      const candidate = candidateOf(row as Row);
      const seen = byId.get(candidate.sessionId);
      if (seen) merge(seen, candidate);
      else byId.set(candidate.sessionId, candidate);
    }
  }
  const linked: string[] = [];
  if (hasCallerId(facts.from)) {
    const { rows } = await reads.execute({
      sql: LINKED_SQL,
      args: [facts.accountId, facts.from, facts.at],
    });
    for (const row of rows) linked.push(String(row.visitor_id));
  }
  for (const visitorId of linked) {
    if ([...byId.values()].some((c) => c.visitorId === visitorId)) continue;
    const { rows } = await reads.execute({
      sql: LATEST_SESSION_SQL,
      args: [visitorId, facts.accountId, facts.at, facts.at - LINKED_LOOKBACK_MS],
    });
    const row = rows[0];
    if (row) {
      // It never held this number: its "lease" is the session itself, which ended at its last
      // beat, so it is never live and its delay runs from that beat.
      const candidate = candidateOf(row as Row);
      byId.set(candidate.sessionId, candidate);
    }
  }
  return { sessions: [...byId.values()], linked };
}
