import type { Prediction } from "../score/prediction";
import type { Api } from "./client";

interface CallRow {
  carrier_call_id: string;
  matches?: { session: string; probability: number; channel?: string }[];
  unattributed?: number | boolean | null;
}

export interface ServerAnswers {
  predictions: Map<string, Prediction>;
  /** Calls the server returned, and how many had at least one match. */
  calls: number;
  withMatches: number;
}

/**
 * Reads every call back from `GET /v1/calls` (following the cursor) and turns its `matches`
 * (top first) and `unattributed` into a Prediction. `unattributed` may be P(no session) or a
 * flag; without it, P(no session) is what the matches leave.
 */
export async function readServerAnswers(api: Api, at: number): Promise<ServerAnswers> {
  const predictions = new Map<string, Prediction>();
  let withMatches = 0;
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : "?limit=200";
    const page: { data: CallRow[]; next_cursor: string | null } = await api.json(
      "GET",
      `/v1/calls${q}`,
      undefined,
      at,
    );
    for (const row of page.data) {
      const ranked = (row.matches ?? [])
        .map((m) => ({ session: m.session, p: m.probability }))
        .sort((a, b) => b.p - a.p);
      if (ranked.length > 0) withMatches++;
      const rest = Math.max(0, 1 - ranked.reduce((s, r) => s + r.p, 0));
      const none =
        typeof row.unattributed === "number"
          ? row.unattributed
          : row.unattributed === true
            ? Math.max(rest, 1)
            : rest;
      predictions.set(row.carrier_call_id, { ranked, none });
    }
    cursor = page.next_cursor;
  } while (cursor);
  return { predictions, calls: predictions.size, withMatches };
}
