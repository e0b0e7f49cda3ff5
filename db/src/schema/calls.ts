import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accountId, epochMs, id } from "./columns";

/**
 * Calls that reached a tracking number, one row per (carrier, carrier call id): carriers
 * retry webhooks, and the unique index turns a retry into a no-op insert.
 *
 * `status` only moves forward (see `statusRank` in @ringtrail/carriers); times are epoch ms.
 */
export const calls = sqliteTable(
  "calls",
  {
    id: id(),
    accountId: accountId(),
    /** Null when the dialed number is not (or no longer) registered. */
    numberId: text("number_id"),
    carrier: text("carrier").notNull(),
    carrierCallId: text("carrier_call_id").notNull(),
    /** E.164, or "anonymous" for a withheld caller. */
    from: text("from").notNull(),
    to: text("to").notNull(),
    direction: text("direction").notNull(),
    status: text("status").notNull(),
    startedAt: epochMs("started_at").notNull(),
    answeredAt: epochMs("answered_at"),
    endedAt: epochMs("ended_at"),
    /** Length of the whole call. */
    durationS: integer("duration_s"),
    /** The advertiser's talk time on the forwarded leg (Twilio DialCallDuration). */
    talkS: integer("talk_s"),
    callerCity: text("caller_city"),
    callerState: text("caller_state"),
    callerZip: text("caller_zip"),
    callerCountry: text("caller_country"),
    /** "US-CA": the carrier's geography when sent, else derived from the caller's number. */
    callerRegion: text("caller_region"),
    callerLineType: text("caller_line_type"),
    callerName: text("caller_name"),
    recordingUrl: text("recording_url"),
    recordingId: text("recording_id"),
    recordingDurationS: integer("recording_duration_s"),
    /** Where the copy of the recording lives in the account's storage, once copied. */
    recordingFile: text("recording_file"),
    transcript: text("transcript"),
    transcriptConfidence: real("transcript_confidence"),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("calls_carrier_call").on(t.carrier, t.carrierCallId),
    index("calls_account_started").on(t.accountId, t.startedAt, t.id),
  ],
);

export type Call = typeof calls.$inferSelect;
