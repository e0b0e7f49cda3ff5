import {
  DEFAULT_LOOKBACK_MS,
  type MarkovModel,
  type ShapleyModel,
  type Touch,
  type TrainingJourney,
  train,
} from "@ringtrail/core/models";
import type { Queryable } from "@ringtrail/db";
import { touchFromRow } from "./touch-row";

export interface TrainedPair {
  markov: MarkovModel;
  shapley: ShapleyModel;
  /** When it was trained, epoch ms. */
  at: number;
  /** Journeys it was trained on. */
  journeys: number;
}

export interface TrainedCacheOptions {
  /** Retrain after this long. Default 1 hour. */
  ttlMs?: number;
  /** …or after this many matched calls of the account, once `minAgeMs` old. Default 1,000. */
  recomputeAfterCalls?: number;
  /** Never retrain more often than this. Default 5 minutes. */
  minAgeMs?: number;
  /** Train on at most this many of the account's latest sessions. Default 20,000. */
  maxSessions?: number;
}

/**
 * One site's sessions in the lookback, newest first: a backwards walk of sessions_site_started
 * that stops at the limit (an IN over the account's sites would sort every 30-day session).
 */
const SESSIONS_SQL = `SELECT id, visitor_id, started_at, channel, source, campaign, landing_path FROM sessions
  WHERE site_id = ? AND started_at >= ? AND started_at <= ? ORDER BY started_at DESC LIMIT ?`;

/** A visitor converted when some call's match was at least this likely their session. */
const CONVERTED_PROBABILITY = 0.5;

/** Visitors who called: the top match of the account's non-test calls in the lookback. */
const CONVERTED_SQL = `SELECT DISTINCT s.visitor_id FROM calls c
  JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase
  JOIN sessions s ON s.id = m.session_id
  WHERE c.account_id = ? AND c.started_at >= ? AND c.is_test = 0
    AND m.probability >= ${CONVERTED_PROBABILITY} AND s.visitor_id IS NOT NULL`;

interface Entry {
  value: TrainedPair;
  callsSince: number;
  refreshing: Promise<TrainedPair> | null;
}

/**
 * Markov and Shapley need state fitted to an account's journeys; fitting per call would cost
 * a scan, so it is cached in memory per account. Journeys are the account's visitors over the
 * last 30 days (their sessions, oldest first, from at most `maxSessions` latest sessions);
 * converting ones are visitors that were some call's top match (P ≥ 0.5). Both models group by
 * channel. The state is retrained after `ttlMs` (1 h), or after `recomputeAfterCalls` (1,000)
 * calls once it is `minAgeMs` (5 min) old, since training blocks the event loop for tens of
 * milliseconds (`pnpm bench` prints the figure) and must stay rare on the webhook path: a
 * stale entry is served while it retrains in the background (one refresh at a time), so
 * only an account's first call after a start waits for training. Each instance trains on its
 * own; the state is derived data, so instances may briefly disagree.
 */
export class TrainedModelCache {
  private readonly entries = new Map<string, Entry>();
  private readonly o: Required<TrainedCacheOptions>;

  constructor(
    private readonly reads: Queryable,
    private readonly now: () => number,
    options: TrainedCacheOptions = {},
  ) {
    this.o = {
      ttlMs: 3_600_000,
      recomputeAfterCalls: 1_000,
      minAgeMs: 5 * 60_000,
      maxSessions: 20_000,
      ...options,
    };
  }

  async get(accountId: string): Promise<TrainedPair> {
    const entry = this.entries.get(accountId);
    if (!entry) {
      const value = await this.train(accountId);
      this.entries.set(accountId, { value, callsSince: 0, refreshing: null });
      return value;
    }
    const stale =
      this.now() - entry.value.at >= this.o.ttlMs || entry.callsSince >= this.o.recomputeAfterCalls;
    if (stale && !entry.refreshing) {
      entry.refreshing = this.train(accountId)
        .then((value) => {
          this.entries.set(accountId, { value, callsSince: 0, refreshing: null });
          return value;
        })
        .catch(() => {
          entry.refreshing = null;
          return entry.value;
        });
    }
    return entry.value;
  }

  /** Counts a matched call towards the account's retraining. */
  noteCall(accountId: string): void {
    const entry = this.entries.get(accountId);
    if (entry) entry.callsSince += 1;
  }

  /** Drops an account's state, so the next call retrains (tests, re-estimation). */
  invalidate(accountId: string): void {
    this.entries.delete(accountId);
  }

  /** Waits for background retraining (tests and benchmarks). */
  async settled(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.refreshing));
  }

  private async train(accountId: string): Promise<TrainedPair> {
    const at = this.now();
    const from = at - DEFAULT_LOOKBACK_MS;
    const sites = await this.reads.execute({
      sql: "SELECT id FROM sites WHERE account_id = ?",
      args: [accountId],
    });
    const rows = [];
    for (const site of sites.rows) {
      const res = await this.reads.execute({
        sql: SESSIONS_SQL,
        args: [site.id as string, from, at, this.o.maxSessions],
      });
      rows.push(...res.rows);
    }
    // The latest `maxSessions` across the sites, oldest first within each visitor below.
    rows.sort((a, b) => Number(b.started_at) - Number(a.started_at));
    rows.length = Math.min(rows.length, this.o.maxSessions);
    const converted = await this.reads.execute({ sql: CONVERTED_SQL, args: [accountId, from] });
    const callers = new Set(converted.rows.map((r) => String(r.visitor_id)));
    const byVisitor = new Map<string, Touch[]>();
    for (const row of rows) {
      const key = row.visitor_id === null ? `session:${row.id}` : String(row.visitor_id);
      const touch = touchFromRow(row);
      const list = byVisitor.get(key);
      if (list) list.push(touch);
      else byVisitor.set(key, [touch]);
    }
    const journeys: TrainingJourney[] = [...byVisitor].map(([visitor, touches]) => ({
      touches: touches.reverse(),
      converted: callers.has(visitor),
    }));
    return {
      markov: train("markov", journeys) as MarkovModel,
      shapley: train("shapley", journeys) as ShapleyModel,
      at,
      journeys: journeys.length,
    };
  }
}
