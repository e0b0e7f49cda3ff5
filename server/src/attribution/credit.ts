import {
  creditCall,
  DEFAULT_LOOKBACK_MS,
  MODEL_NAMES,
  type ModelName,
  type Touch,
} from "@ringtrail/core/models";
import type { Queryable } from "@ringtrail/db";
import { touchFromRow } from "./touch-row";
import type { TrainedPair } from "./trained-cache";

/** One stored credit row: a touch of a matched candidate's journey under one model. */
export interface CreditRow {
  model: ModelName;
  /** The matched candidate whose journey holds the touch (the most probable one, if several). */
  sessionId: string;
  visitorId: string | null;
  touch: Touch;
  weight: number;
}

/** A candidate to credit: its probability, visitor and own touch. */
export interface CreditedMatch {
  sessionId: string;
  visitorId: string | null;
  probability: number;
  touch: Touch;
}

/**
 * Candidates this likely get their visitor's whole 30-day journey read; less likely ones are
 * credited through their own session only. That keeps a call to a few indexed reads however
 * many sessions shared the number, and the weights still sum to 1 − unattributed.
 */
const JOURNEY_MIN_PROBABILITY = 0.01;
const MAX_JOURNEY = 500;

const JOURNEY_SQL = `SELECT id, started_at, channel, source, campaign, landing_path FROM sessions
  WHERE visitor_id = ? AND account_id = ? AND started_at >= ? AND started_at <= ?
  ORDER BY started_at DESC LIMIT ${MAX_JOURNEY}`;

/** Each likely visitor's sessions within the lookback before the call, one Touch per session. */
export async function loadJourneys(
  reads: Queryable,
  accountId: string,
  at: number,
  matches: readonly CreditedMatch[],
): Promise<Map<string, Touch[]>> {
  const journeys = new Map<string, Touch[]>();
  const byVisitor = new Map<string, Touch[]>();
  for (const m of matches) {
    let journey = [m.touch];
    if (m.visitorId !== null && m.probability >= JOURNEY_MIN_PROBABILITY) {
      let touches = byVisitor.get(m.visitorId);
      if (!touches) {
        const { rows } = await reads.execute({
          sql: JOURNEY_SQL,
          args: [m.visitorId, accountId, at - DEFAULT_LOOKBACK_MS, at],
        });
        touches = rows.map(touchFromRow);
        byVisitor.set(m.visitorId, touches);
      }
      // The candidate's own session is in the journey even if it began just before the lookback.
      journey = touches.some((t) => t.sessionId === m.sessionId) ? touches : [...touches, m.touch];
    }
    journeys.set(m.sessionId, journey);
  }
  return journeys;
}

/** Credit under every model; per model the weights sum to Σ probability of `matches`. */
export function creditAllModels(
  matches: readonly CreditedMatch[],
  journeys: ReadonlyMap<string, Touch[]>,
  trained: TrainedPair,
  at: number,
): CreditRow[] {
  // Candidates come most probable first, so the first journey to reach a touch owns it.
  const owner = new Map<string, CreditedMatch>();
  for (const m of matches) {
    for (const t of journeys.get(m.sessionId) ?? [])
      if (!owner.has(t.sessionId)) owner.set(t.sessionId, m);
  }
  const rows: CreditRow[] = [];
  for (const model of MODEL_NAMES) {
    const credit = creditCall({
      matches,
      journeyOf: (sessionId) => journeys.get(sessionId) ?? [],
      model,
      at,
      lookbackMs: DEFAULT_LOOKBACK_MS,
      ...(model === "markov" ? { trained: trained.markov } : {}),
      ...(model === "shapley" ? { trained: trained.shapley } : {}),
    });
    for (const { touch, weight } of credit) {
      if (!(weight > 0)) continue;
      const m = owner.get(touch.sessionId);
      rows.push({
        model,
        sessionId: m?.sessionId ?? touch.sessionId,
        visitorId: m?.visitorId ?? null,
        touch,
        weight,
      });
    }
  }
  return rows;
}
