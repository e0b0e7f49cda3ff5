import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AgentChannelType } from "./agents";
import { accountId, createdAt, epochMs, id } from "./columns";

/**
 * One call-flow decision on a call: the first at the voice webhook, one more per action
 * callback. Keyed by the webhook that caused it, so a retried webhook stores no second trace.
 */
export const flowTraces = sqliteTable(
  "flow_traces",
  {
    id: id(),
    accountId: accountId(),
    callId: text("call_id").notNull(),
    /** `voice` or the action callback's step and attempt: what makes a retry a duplicate. */
    stage: text("stage").notNull(),
    flowId: text("flow_id"),
    version: integer("version"),
    decision: text("decision", { mode: "json" }).$type<unknown>().notNull(),
    trace: text("trace", { mode: "json" }).$type<unknown[]>().notNull(),
    /** The carrier markup returned, so a retried webhook gets the same reply. */
    reply: text("reply").notNull(),
    replyType: text("reply_type").notNull(),
    fallback: integer("fallback", { mode: "boolean" }).notNull(),
    at: epochMs("at").notNull(),
  },
  (t) => [uniqueIndex("flow_traces_call_stage").on(t.callId, t.stage)],
);

export const REQUEST_CHANNELS = ["sms", "email", "chat", "web_form"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** A request that arrived on a non-voice channel and whom it was routed to. */
export const routedRequests = sqliteTable(
  "routed_requests",
  {
    id: id(),
    accountId: accountId(),
    channel: text("channel", { enum: REQUEST_CHANNELS }).notNull(),
    /** The channel type agents serve it on (a web form goes to email). */
    channelType: text("channel_type").$type<AgentChannelType>().notNull(),
    sender: text("sender").notNull(),
    body: text("body").notNull(),
    /** Null when nobody was on duty. */
    agentId: text("agent_id"),
    contact: text("contact"),
    /** `queued` (delivery job queued), `unrouted` (nobody on duty). */
    status: text("status").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("routed_requests_account").on(t.accountId, t.createdAt)],
);

export type FlowTrace = typeof flowTraces.$inferSelect;
export type RoutedRequest = typeof routedRequests.$inferSelect;
