import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs, id } from "./columns";

/** A call-control template; its documents live in call_flow_versions. */
export const callFlows = sqliteTable(
  "call_flows",
  {
    id: id(),
    accountId: accountId(),
    name: text("name").notNull(),
    /** The version calls run; null until a valid version is activated. */
    activeVersion: integer("active_version"),
    createdAt: createdAt(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [index("call_flows_account").on(t.accountId)],
);

/**
 * Every saved document of a flow, valid or not: an invalid one is kept as a draft with its
 * errors (path + message) so it can be fixed, but cannot be activated.
 */
export const callFlowVersions = sqliteTable(
  "call_flow_versions",
  {
    flowId: text("flow_id").notNull(),
    version: integer("version").notNull(),
    document: text("document", { mode: "json" }).$type<unknown>().notNull(),
    valid: integer("valid", { mode: "boolean" }).notNull(),
    errors: text("errors", { mode: "json" }).$type<{ path: string; message: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
);

export type CallFlow = typeof callFlows.$inferSelect;
export type CallFlowVersion = typeof callFlowVersions.$inferSelect;
