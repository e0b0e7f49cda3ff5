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
    /** Sentiment of the caller's speech in a call-flow menu, in [-1, 1]; null when none was heard. */
    speechSentiment: real("speech_sentiment"),
    /** The recogniser's confidence in that speech, in [0, 1]: the weight of this call's score. */
    speechConfidence: real("speech_confidence"),
    /** P(no session produced the call) from the latest matching; null until matched. */
    unattributed: real("unattributed"),
    /** The phase whose matches and credit are current: "start", then "end". */
    matchPhase: text("match_phase", { enum: ["start", "end"] }),
    /** `match_params.updated_at` of the estimate matching used; null for the defaults. */
    matchParamsAt: epochMs("match_params_at"),
    /** The caller is one of the account's test numbers: kept, labelled, never reported. */
    isTest: integer("is_test", { mode: "boolean" }).notNull().default(false),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("calls_carrier_call").on(t.carrier, t.carrierCallId),
    index("calls_account_started").on(t.accountId, t.startedAt, t.id),
    // Caller history: an account's earlier calls from one number.
    index("calls_account_from").on(t.accountId, t.from, t.startedAt),
  ],
);

export type Call = typeof calls.$inferSelect;
