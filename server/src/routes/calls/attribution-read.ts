import { MODEL_NAMES } from "@ringtrail/core/models";
import type { Queryable } from "@ringtrail/db";
import type { CallBody } from "./schemas";

/** At most this many candidates per call in listings; `/explain` shows them all. */
const MAX_MATCHES = 20;

export interface CallAttribution {
  matches: CallBody["matches"];
  credit: CallBody["credit"];
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Candidates and credit of a page of calls, two reads for the whole page: the current phase's
 * matches with their sessions (a source pool's candidate takes its touch from its credit), and
 * the credit rows. Every model is present for every call, empty when nothing is attributed.
 */
export async function loadAttribution(
  reads: Queryable,
  callIds: readonly string[],
): Promise<Map<string, CallAttribution>> {
  const out = new Map<string, CallAttribution>();
  for (const id of callIds) {
    out.set(id, {
      matches: [],
      credit: Object.fromEntries(MODEL_NAMES.map((m) => [m, []])),
    });
  }
  if (callIds.length === 0) return out;
  const marks = callIds.map(() => "?").join(", ");
  const [matches, credit] = await Promise.all([
    reads.execute({
      sql: `SELECT m.call_id, m.session_id, m.probability,
          s.visitor_id, coalesce(s.channel, a.channel) AS channel, coalesce(s.source, a.source) AS source,
          coalesce(s.campaign, a.campaign) AS campaign, coalesce(s.landing_path, a.landing_path) AS landing_path
        FROM calls c JOIN call_matches m ON m.call_id = c.id AND m.phase = c.match_phase
        LEFT JOIN sessions s ON s.id = m.session_id
        LEFT JOIN attributions a ON s.id IS NULL AND a.call_id = m.call_id AND a.model = 'last'
          AND a.touch_session_id = m.session_id
        WHERE c.id IN (${marks})
        ORDER BY m.call_id, m.probability DESC, m.session_id`,
      args: [...callIds],
    }),
    reads.execute({
      sql: `SELECT call_id, model, touch_session_id, channel, source, campaign, landing_path, weight
        FROM attributions WHERE call_id IN (${marks}) ORDER BY call_id, model, touch_at, touch_session_id`,
      args: [...callIds],
    }),
  ]);
  for (const row of matches.rows) {
    const entry = out.get(String(row.call_id));
    if (!entry || entry.matches.length >= MAX_MATCHES) continue;
    entry.matches.push({
      session: String(row.session_id),
      probability: Number(row.probability),
      visitor: str(row.visitor_id),
      channel: str(row.channel),
      source: str(row.source),
      campaign: str(row.campaign),
      landing_page: str(row.landing_path),
    });
  }
  for (const row of credit.rows) {
    const list = out.get(String(row.call_id))?.credit[String(row.model)];
    list?.push({
      channel: String(row.channel),
      source: str(row.source),
      campaign: str(row.campaign),
      landing_page: str(row.landing_path),
      session: String(row.touch_session_id),
      weight: Number(row.weight),
    });
  }
  return out;
}
