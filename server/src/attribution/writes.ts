import type { InStatement } from "@libsql/client";
import type { MatchPhase } from "@ringtrail/db";
import type { MatchOutcome } from "./matcher";

export const ESTIMATE_JOB = "estimate_match";
/** Every this many ended calls of an account queue a re-estimation of its match parameters. */
export const ESTIMATE_EVERY_CALLS = 50;

const CALL = "SELECT id FROM calls WHERE carrier = ? AND carrier_call_id = ?";

/**
 * The writes that store one matching of a call, for one batch (so the call and its matches
 * commit together). Rows go in as one JSON array per table through json_each: three
 * statements whatever the number of candidates. A start-phase result never overwrites the
 * end phase's (a carrier retrying the voice webhook after the call ended).
 */
export function matchStatements(
  outcome: MatchOutcome,
  phase: MatchPhase,
  now: number,
): InStatement[] {
  const { facts } = outcome;
  const guard = phase === "start" ? "AND (match_phase IS NULL OR match_phase = 'start')" : "";
  const ref = [facts.carrier, facts.carrierCallId];
  const matches = outcome.matches.map((m) => ({
    s: m.sessionId,
    p: m.probability,
    w: m.weight,
    ...(m.levels === null ? {} : { l: m.levels }),
    c: m.contributions,
    d: m.delayMs,
  }));
  const credit = outcome.credit.map((r) => ({
    m: r.model,
    s: r.sessionId,
    v: r.visitorId,
    t: r.touch.sessionId,
    ch: r.touch.channel,
    so: r.touch.source,
    ca: r.touch.campaign,
    lp: r.touch.landingPath,
    at: r.touch.at,
    w: r.weight,
  }));
  const stmts: InStatement[] = [];
  if (phase === "end") stmts.push(...endCounterStatements(outcome, now));
  stmts.push(
    {
      sql: `DELETE FROM call_matches WHERE call_id = (${CALL} ${guard}) AND phase = ?`,
      args: [...ref, phase],
    },
    {
      sql: `INSERT INTO call_matches (call_id, session_id, phase, probability, weight, levels, contributions, delay_ms)
        SELECT c.id, json_extract(j.value, '$.s'), ?, json_extract(j.value, '$.p'), json_extract(j.value, '$.w'),
          json_extract(j.value, '$.l'), json_extract(j.value, '$.c'), json_extract(j.value, '$.d')
        FROM calls c, json_each(?) j WHERE c.carrier = ? AND c.carrier_call_id = ? ${guard}`,
      args: [phase, JSON.stringify(matches), ...ref],
    },
    { sql: `DELETE FROM attributions WHERE call_id = (${CALL} ${guard})`, args: ref },
    {
      sql: `INSERT INTO attributions (call_id, model, session_id, visitor_id, touch_session_id, channel, source,
          campaign, landing_path, touch_at, weight)
        SELECT c.id, json_extract(j.value, '$.m'), json_extract(j.value, '$.s'), json_extract(j.value, '$.v'),
          json_extract(j.value, '$.t'), json_extract(j.value, '$.ch'), json_extract(j.value, '$.so'),
          json_extract(j.value, '$.ca'), json_extract(j.value, '$.lp'), json_extract(j.value, '$.at'),
          json_extract(j.value, '$.w')
        FROM calls c, json_each(?) j WHERE c.carrier = ? AND c.carrier_call_id = ? ${guard}`,
      args: [JSON.stringify(credit), ...ref],
    },
    {
      sql: `UPDATE calls SET unattributed = ?, match_phase = ?, is_test = ?, match_params_at = ?
        WHERE carrier = ? AND carrier_call_id = ? ${guard}`,
      args: [outcome.unattributed, phase, outcome.isTest ? 1 : 0, outcome.params.updatedAt, ...ref],
    },
  );
  return stmts;
}

/**
 * Counts the call's end towards re-estimation, once per call (before `match_phase` becomes
 * "end"), and queues the durable EM job on every 50th. Test calls do not count.
 */
function endCounterStatements(outcome: MatchOutcome, now: number): InStatement[] {
  const { facts } = outcome;
  return [
    {
      sql: `INSERT INTO match_params (account_id, params, calls_used, ended_calls, updated_at)
        SELECT account_id, NULL, 0, 1, ? FROM calls
        WHERE carrier = ? AND carrier_call_id = ? AND match_phase IS NOT 'end' AND ?
        ON CONFLICT (account_id) DO UPDATE SET ended_calls = ended_calls + 1`,
      args: [now, facts.carrier, facts.carrierCallId, outcome.isTest ? 0 : 1],
    },
    {
      sql: `INSERT INTO jobs (kind, key, payload, status, attempts, run_after, created_at, updated_at)
        SELECT ?, ? || account_id || ':' || ended_calls, json_object('account_id', account_id), 'queued', 0, ?, ?, ?
        FROM match_params WHERE account_id = ? AND ended_calls > 0 AND ended_calls % ${ESTIMATE_EVERY_CALLS} = 0
        ON CONFLICT (key) DO NOTHING`,
      args: [ESTIMATE_JOB, `${ESTIMATE_JOB}:`, now, now, now, facts.accountId],
    },
  ];
}
