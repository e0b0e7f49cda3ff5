import type { Call } from "@ringtrail/db";
import { ApiError } from "../../errors";
import { iso } from "../iso";
import type { CallAttribution } from "./attribution-read";
import type { CallBody } from "./schemas";

const UNMATCHED: CallAttribution = { matches: [], credit: {} };

/** A stored call in the contract's shape, with its candidates and credit. */
export function renderCall(row: Call, attribution: CallAttribution = UNMATCHED): CallBody {
  const hasRecording = row.recordingUrl !== null || row.recordingFile !== null;
  return {
    id: row.id,
    carrier: row.carrier as CallBody["carrier"],
    carrier_call_id: row.carrierCallId,
    number: row.numberId,
    from: row.from,
    to: row.to,
    direction: row.direction,
    status: row.status as CallBody["status"],
    started_at: iso(row.startedAt)!,
    answered_at: iso(row.answeredAt),
    ended_at: iso(row.endedAt),
    duration_s: row.durationS,
    talk_s: row.talkS,
    caller: {
      city: row.callerCity,
      state: row.callerState,
      zip: row.callerZip,
      country: row.callerCountry,
      region: row.callerRegion,
      line_type: row.callerLineType,
      name: row.callerName,
    },
    recording: hasRecording
      ? {
          url: row.recordingUrl,
          id: row.recordingId,
          duration_s: row.recordingDurationS,
          stored: row.recordingFile !== null,
        }
      : null,
    transcript:
      row.transcript === null
        ? null
        : { text: row.transcript, confidence: row.transcriptConfidence },
    matches: attribution.matches,
    unattributed: row.unattributed,
    credit: attribution.credit,
    test: row.isTest,
  };
}

/** Opaque to clients: the position after the last call of a page (newest first). */
export function encodeCursor(row: Pick<Call, "startedAt" | "id">): string {
  return Buffer.from(`${row.startedAt}.${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { startedAt: number; id: string } {
  const text = Buffer.from(cursor, "base64url").toString();
  const m = /^(\d{1,16})\.(call_[0-9a-z]+)$/.exec(text);
  if (!m) throw new ApiError("validation_failed", "Invalid cursor");
  return { startedAt: Number(m[1]), id: m[2]! };
}
