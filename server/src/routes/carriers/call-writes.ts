import type { InStatement } from "@libsql/client";
import {
  type CallEvent,
  type CallerInfo,
  type CallStatus,
  isTerminalStatus,
  statusRank,
} from "@ringtrail/carriers";
import { phoneRegion } from "@ringtrail/core/phone";
import { newId } from "@ringtrail/db";
import { enqueueStatement } from "../../jobs/queue";
import { RECORDING_JOB } from "../../jobs/recordings";

/** Every status, so the SQL below ranks exactly as `statusRank` does. */
const STATUSES = Object.keys({
  queued: 0,
  ringing: 0,
  in_progress: 0,
  completed: 0,
  busy: 0,
  no_answer: 0,
  failed: 0,
  canceled: 0,
} satisfies Record<CallStatus, 0>) as CallStatus[];

const RANK_OF_STATUS = `(CASE status ${STATUSES.map((s) => `WHEN '${s}' THEN ${statusRank(s)}`).join(" ")} ELSE -1 END)`;

export interface CallOwner {
  accountId: string;
  numberId: string | null;
}

const toMs = (iso: string | undefined, now: number): number => {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(ms) ? ms : now;
};

/** "US-CA" from the carrier's own fields when it sent them, else from the caller's number. */
export function callerRegion(from: string | undefined, caller: CallerInfo | undefined) {
  if (caller?.country && caller.state) return `${caller.country}-${caller.state}`.toUpperCase();
  return from?.startsWith("+") ? phoneRegion(from) : null;
}

/**
 * Creates the call if this event can (it names both parties) and it is not there yet. A
 * retried webhook hits the unique (carrier, carrier_call_id) index and changes nothing.
 */
function insertCall(owner: CallOwner, event: CallEvent, now: number): InStatement | null {
  if (!event.from || !event.to) return null;
  const c = event.caller;
  return {
    sql: `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
        status, started_at, updated_at, caller_city, caller_state, caller_zip, caller_country,
        caller_region, caller_line_type, caller_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (carrier, carrier_call_id) DO NOTHING`,
    args: [
      newId("call"),
      owner.accountId,
      owner.numberId,
      event.carrier,
      event.carrierCallId,
      event.from,
      event.to,
      event.direction ?? "inbound",
      // A call we first hear of through a later event still starts life ringing, and the
      // update that follows moves it on.
      event.kind === "call_started" ? (event.status ?? "ringing") : "ringing",
      toMs(event.at, now),
      now,
      c?.city ?? null,
      c?.state ?? null,
      c?.zip ?? null,
      c?.country ?? null,
      callerRegion(event.from, c),
      c?.lineType ?? null,
      c?.name ?? null,
    ],
  };
}

/**
 * Applies what the event says, forward only: the status changes only to a higher rank (so
 * a late "ringing" after "completed" is ignored, and the first terminal status is final),
 * and values the event lacks keep what is stored. Within one UPDATE every right-hand column
 * reads the old row, so the order of the SET clauses does not matter.
 */
function updateCall(event: CallEvent, now: number): InStatement {
  const status = event.status ?? null;
  const rank = status === null ? null : statusRank(status);
  const at = toMs(event.at, now);
  const c = event.caller;
  const talkS = event.kind === "dial_ended" ? (event.talkS ?? null) : null;
  const transcript = event.kind === "transcription" ? event.transcript : null;
  const confidence = event.kind === "transcription" ? (event.transcriptConfidence ?? null) : null;
  const moves = `:rank > ${RANK_OF_STATUS}`;
  return {
    sql: `UPDATE calls SET
        status = CASE WHEN ${moves} THEN :status ELSE status END,
        answered_at = CASE WHEN answered_at IS NULL AND :status = 'in_progress' AND ${moves}
          THEN :at ELSE answered_at END,
        ended_at = CASE WHEN ended_at IS NULL AND :terminal AND ${moves} THEN :at ELSE ended_at END,
        duration_s = COALESCE(:duration, duration_s),
        talk_s = COALESCE(:talk, talk_s),
        caller_city = COALESCE(:city, caller_city),
        caller_state = COALESCE(:state, caller_state),
        caller_zip = COALESCE(:zip, caller_zip),
        caller_country = COALESCE(:country, caller_country),
        caller_region = COALESCE(:region, caller_region),
        caller_line_type = COALESCE(:line_type, caller_line_type),
        caller_name = COALESCE(:name, caller_name),
        recording_url = COALESCE(:recording_url, recording_url),
        recording_id = COALESCE(:recording_id, recording_id),
        recording_duration_s = COALESCE(:recording_duration, recording_duration_s),
        transcript = COALESCE(:transcript, transcript),
        transcript_confidence = COALESCE(:confidence, transcript_confidence),
        updated_at = :now
      WHERE carrier = :carrier AND carrier_call_id = :call`,
    args: {
      rank,
      status,
      at,
      terminal: status !== null && isTerminalStatus(status) ? 1 : 0,
      duration: event.durationS ?? null,
      talk: talkS,
      city: c?.city ?? null,
      state: c?.state ?? null,
      zip: c?.zip ?? null,
      country: c?.country ?? null,
      region: c?.country && c.state ? callerRegion(event.from, c) : null,
      line_type: c?.lineType ?? null,
      name: c?.name ?? null,
      recording_url: event.recordingUrl ?? null,
      recording_id: event.recordingId ?? null,
      recording_duration: event.recordingDurationS ?? null,
      transcript,
      confidence,
      now,
      carrier: event.carrier,
      call: event.carrierCallId,
    },
  };
}

/**
 * The statements that record a webhook's events, to run in one batch: the call row, its
 * forward-only update, and for a recording the job that copies the file, so the job cannot
 * be lost between acknowledging the carrier and queueing it.
 */
export function eventStatements(owner: CallOwner, events: CallEvent[], now: number): InStatement[] {
  const stmts: InStatement[] = [];
  for (const event of events) {
    const insert = insertCall(owner, event, now);
    if (insert) stmts.push(insert);
    stmts.push(updateCall(event, now));
    if (event.kind === "recording") {
      stmts.push(
        enqueueStatement({
          kind: RECORDING_JOB,
          key: `${RECORDING_JOB}:${event.carrier}:${event.carrierCallId}:${event.recordingId ?? event.recordingUrl}`,
          payloadSql: `SELECT json_object('call_id', id, 'account_id', account_id, 'carrier', carrier,
              'url', ?) AS payload FROM calls WHERE carrier = ? AND carrier_call_id = ?`,
          payloadArgs: [event.recordingUrl, event.carrier, event.carrierCallId],
          now,
        }),
      );
    }
  }
  return stmts;
}

/** Reads the stored call back in the same batch, so the reply names the row that is durable. */
export function readCallStatement(carrier: string, carrierCallId: string): InStatement {
  return {
    sql: "SELECT id, status FROM calls WHERE carrier = ? AND carrier_call_id = ?",
    args: [carrier, carrierCallId],
  };
}
