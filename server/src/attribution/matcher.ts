import {
  type CallScore,
  delaySinceSeen,
  HOLDER_WINDOWS,
  scoreCall,
  scoreCallByRate,
} from "@ringtrail/core/match";
import type { Queryable } from "@ringtrail/db";
import { type CallFacts, callForMatch } from "./call-facts";
import { loadCandidates, type SessionCandidate } from "./candidates";
import { type CreditedMatch, type CreditRow, creditAllModels, loadJourneys } from "./credit";
import { type AccountParams, MatchParamsCache } from "./params-cache";
import { loadSourcePool } from "./source-pool";
import { type TrainedCacheOptions, TrainedModelCache } from "./trained-cache";

/** One stored candidate of a call. */
export interface MatchRow {
  sessionId: string;
  probability: number;
  weight: number;
  /** Null for a source-pool candidate: it has no comparison levels. */
  levels: Record<string, string> | null;
  contributions: CallScore["candidates"][number]["contributions"];
  /** Call time minus the session's last heartbeat (0 if seen after), ms; null for a pool. */
  delayMs: number | null;
}

export interface MatchOutcome {
  facts: CallFacts;
  isTest: boolean;
  matches: MatchRow[];
  unattributed: number;
  credit: CreditRow[];
  params: AccountParams;
}

const TEST_SQL = "SELECT 1 AS test FROM test_numbers WHERE account_id = ? AND e164 = ?";

/**
 * Thin I/O around core's matching and credit: reads the candidates and the account's
 * parameters, scores with core, reads the likely visitors' journeys, credits every model.
 * Reads only; `matchStatements` turns the outcome into one batch of writes.
 */
export class CallMatcher {
  readonly params: MatchParamsCache;
  readonly trained: TrainedModelCache;

  constructor(
    private readonly reads: Queryable,
    now: () => number,
    options: TrainedCacheOptions = {},
  ) {
    this.params = new MatchParamsCache(reads);
    this.trained = new TrainedModelCache(reads, now, options);
  }

  async match(facts: CallFacts): Promise<MatchOutcome> {
    // The matcher decides how far back candidates reach, so its parameters are read first.
    const params = await this.params.get(facts.accountId);
    const window = params.rates ? HOLDER_WINDOWS.rates : HOLDER_WINDOWS.fs;
    const [candidates, pool, test] = await Promise.all([
      loadCandidates(this.reads, facts, window),
      loadSourcePool(this.reads, facts.accountId, facts.numberId),
      this.reads.execute({ sql: TEST_SQL, args: [facts.accountId, facts.from] }),
    ]);
    const call = callForMatch(facts, candidates.linked);
    const score = params.rates
      ? scoreCallByRate(call, candidates.sessions, params.rates, params.params)
      : scoreCall(call, candidates.sessions, params.params);
    const bySession = new Map<string, SessionCandidate>(
      candidates.sessions.map((c) => [c.sessionId, c]),
    );
    const matches: MatchRow[] = score.candidates.map((c) => ({
      sessionId: c.sessionId,
      probability: c.probability,
      weight: c.weight,
      levels: c.levels,
      contributions: c.contributions,
      delayMs: delaySinceSeen(call, bySession.get(c.sessionId)!),
    }));
    const credited: CreditedMatch[] = score.candidates.map((c) => {
      const s = bySession.get(c.sessionId)!;
      return {
        sessionId: c.sessionId,
        visitorId: s.visitorId,
        probability: c.probability,
        touch: s.touch,
      };
    });
    let unattributed = score.none;
    if (pool) {
      const probability = score.none * (1 - params.params.none);
      unattributed = score.none - probability;
      const row = {
        sessionId: pool.poolId,
        probability,
        weight: 0,
        levels: null,
        contributions: [],
        delayMs: null,
      };
      const at = matches.findIndex((m) => m.probability < probability);
      matches.splice(at === -1 ? matches.length : at, 0, row);
      credited.push({ ...row, visitorId: null, touch: { ...pool.touch, at: facts.at } });
      credited.sort((a, b) => b.probability - a.probability);
    }
    const attributed = credited.filter((m) => m.probability > 0);
    let credit: CreditRow[] = [];
    if (attributed.length > 0) {
      const [journeys, trained] = await Promise.all([
        loadJourneys(this.reads, facts.accountId, facts.at, attributed),
        this.trained.get(facts.accountId),
      ]);
      credit = creditAllModels(attributed, journeys, trained, facts.at);
      this.trained.noteCall(facts.accountId);
    }
    return { facts, isTest: test.rows.length > 0, matches, unattributed, credit, params };
  }
}
