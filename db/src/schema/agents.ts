import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, id } from "./columns";

export type AgentChannelType = "voice" | "sms" | "email" | "chat";

/** On-duty specialists that `route_on_duty` forwards to, with a contact per channel type. */
export const agents = sqliteTable(
  "agents",
  {
    id: id(),
    accountId: accountId(),
    name: text("name").notNull(),
    contacts: text("contacts", { mode: "json" })
      .$type<Partial<Record<AgentChannelType, string>>>()
      .notNull(),
    channelTypes: text("channel_types", { mode: "json" }).$type<AgentChannelType[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("agents_account").on(t.accountId)],
);

/** An agent's recurring shift: an rrule with a floating local DTSTART in `time_zone`. */
export const shifts = sqliteTable(
  "shifts",
  {
    id: id(),
    accountId: accountId(),
    agentId: text("agent_id").notNull(),
    rrule: text("rrule").notNull(),
    timeZone: text("time_zone").notNull(),
    durationMin: integer("duration_min").notNull(),
    channelTypes: text("channel_types", { mode: "json" }).$type<AgentChannelType[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("shifts_account").on(t.accountId), index("shifts_agent").on(t.agentId)],
);

export type AgentRow = typeof agents.$inferSelect;
export type ShiftRow = typeof shifts.$inferSelect;

/**
 * A ring group: agents a flow's `dial {"group": id}` rings at their voice contacts, all at once
 * or in the listed order (the dial step's `mode`).
 */
export const agentGroups = sqliteTable(
  "agent_groups",
  {
    id: id(),
    accountId: accountId(),
    name: text("name").notNull(),
    /** Agent ids in ringing order. */
    agentIds: text("agent_ids", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("agent_groups_account").on(t.accountId)],
);

export type AgentGroupRow = typeof agentGroups.$inferSelect;
