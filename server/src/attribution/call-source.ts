import type { CallEvent } from "@ringtrail/carriers";
import type { Queryable } from "@ringtrail/db";
import type { CallFacts } from "./call-facts";

/**
 * The facts of a call from its starting webhook, before it is stored, so its matches can be
 * written in the same batch. `callerRegion` is the region the call row will carry.
 */
export function factsFromEvent(
  owner: { accountId: string; numberId: string | null },
  event: CallEvent,
  callerRegion: string | null,
  now: number,
): CallFacts | null {
  if (!event.from || !event.to) return null;
  const at = event.at === undefined ? Number.NaN : Date.parse(event.at);
  return {
    accountId: owner.accountId,
    numberId: owner.numberId,
    carrier: event.carrier,
    carrierCallId: event.carrierCallId,
    from: event.from,
    to: event.to,
    at: Number.isFinite(at) ? at : now,
    callerRegion,
    callerCountry: event.caller?.country ?? null,
    lineType: event.caller?.lineType ?? null,
  };
}

export interface StoredCallFacts extends CallFacts {
  matchPhase: string | null;
}

/** A stored call's facts, by the carrier's call id (status callbacks). */
export async function storedCallFacts(
  reads: Queryable,
  carrier: string,
  carrierCallId: string,
): Promise<StoredCallFacts | null> {
  const { rows } = await reads.execute({
    sql: `SELECT account_id, number_id, "from", "to", started_at, caller_region, caller_country,
        caller_line_type, match_phase FROM calls WHERE carrier = ? AND carrier_call_id = ?`,
    args: [carrier, carrierCallId],
  });
  const row = rows[0];
  if (!row) return null;
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    accountId: String(row.account_id),
    numberId: str(row.number_id),
    carrier,
    carrierCallId,
    from: String(row.from),
    to: String(row.to),
    at: Number(row.started_at),
    callerRegion: str(row.caller_region),
    callerCountry: str(row.caller_country),
    lineType: str(row.caller_line_type),
    matchPhase: str(row.match_phase),
  };
}
