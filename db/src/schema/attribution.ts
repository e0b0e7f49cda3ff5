import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs } from "./columns";

export const MATCH_PHASES = ["start", "end"] as const;
export type MatchPhase = (typeof MATCH_PHASES)[number];

/**
 * The candidates of a call with their posterior probabilities, once per matching phase: at
 * call start (so a call flow can route on it) and again when the call ends. A candidate is a
 * session (`ses_…`) or, for a number of a `source` pool, the pool itself (`pool_…`), which
 * carries no comparison levels.
 */
export const callMatches = sqliteTable(
  "call_matches",
  {
    callId: text("call_id").notNull(),
    sessionId: text("session_id").notNull(),
    phase: text("phase", { enum: MATCH_PHASES }).notNull(),
    probability: real("probability").notNull(),
    /** Match weight in bits, Σ log2(m/u). */
    weight: real("weight").notNull(),
    /** The comparison vector (feature -> level); null for a source-pool candidate. */
    levels: text("levels", { mode: "json" }).$type<Record<string, string>>(),
    /** Per feature `{feature, level, weight}`, as `/v1/calls/{id}/explain` shows them. */
    contributions: text("contributions", { mode: "json" }).$type<unknown[]>().notNull(),
    /**
     * Call time minus the session's last heartbeat (0 if seen after it), ms: what the rate
     * model's EM needs beyond the levels. Null for a source-pool candidate and older rows.
     */
    delayMs: integer("delay_ms"),
  },
  (t) => [primaryKey({ columns: [t.callId, t.phase, t.sessionId] })],
);

/**
 * A call's credit per model and touch (one row per touched session), from the latest
 * matching phase. The weights of one call and model sum to 1 − `calls.unattributed`.
 */
export const attributions = sqliteTable(
  "attributions",
  {
    callId: text("call_id").notNull(),
    model: text("model").notNull(),
    /** The matched candidate whose journey this touch belongs to (the heaviest, if several). */
    sessionId: text("session_id").notNull(),
    visitorId: text("visitor_id"),
    touchSessionId: text("touch_session_id").notNull(),
    channel: text("channel").notNull(),
    source: text("source"),
    campaign: text("campaign"),
    landingPath: text("landing_path"),
    touchAt: epochMs("touch_at").notNull(),
    weight: real("weight").notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.model, t.touchSessionId] })],
);

/**
 * An account's match parameters as EM last estimated them; `params` null means the
 * documented defaults. `ended_calls` counts calls whose end was matched, and every 50th
 * queues a re-estimation of both matchers. `matcher` says which one calls are matched with: the
 * FS estimate only when chosen, as in the simulator it costs accuracy.
 */
export const matchParams = sqliteTable("match_params", {
  accountId: accountId().primaryKey(),
  params: text("params", { mode: "json" }).$type<Record<string, unknown>>(),
  callsUsed: integer("calls_used").notNull().default(0),
  logLikelihood: real("log_likelihood"),
  endedCalls: integer("ended_calls").notNull().default(0),
  updatedAt: epochMs("updated_at").notNull(),
  /** The rate model's rates (core RateParams) from its own EM; null until it has run. */
  rates: text("rates", { mode: "json" }).$type<Record<string, number>>(),
  ratesCallsUsed: integer("rates_calls_used").notNull().default(0),
  ratesEstimatedAt: epochMs("rates_estimated_at"),
  /**
   * What the account's calls are matched with (PUT /v1/attribution/params): `auto` is the rate
   * model once its EM has run, the FS defaults before; or one of them pinned, or FS's estimate.
   */
  matcher: text("matcher", { enum: ["auto", "defaults", "estimate", "rates"] })
    .notNull()
    .default("auto"),
});

/** Caller numbers an account uses for testing: their calls are kept, labelled, and not reported. */
export const testNumbers = sqliteTable(
  "test_numbers",
  {
    accountId: accountId(),
    e164: text("e164").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.e164] })],
);

export type CallMatch = typeof callMatches.$inferSelect;
export type Attribution = typeof attributions.$inferSelect;
export type MatchParamsRow = typeof matchParams.$inferSelect;
export type TestNumber = typeof testNumbers.$inferSelect;
