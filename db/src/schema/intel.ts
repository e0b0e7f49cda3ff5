import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs, id } from "./columns";

export const INTERACTION_CHANNELS = ["call", "sms", "chat", "email", "web_form"] as const;
export type InteractionChannelName = (typeof INTERACTION_CHANNELS)[number];

/**
 * A customer interaction on any channel, with what the model platform made of it (`result`:
 * each model's output and confidence, and the action). A call's interaction is created once
 * from its transcript: the unique (account, call) index makes a retried callback a no-op.
 */
export const interactions = sqliteTable(
  "interactions",
  {
    id: id(),
    accountId: accountId(),
    channel: text("channel", { enum: INTERACTION_CHANNELS }).notNull(),
    /** E.164. */
    customerPhone: text("customer_phone"),
    /** Trimmed and lowercased. */
    customerEmail: text("customer_email"),
    text: text("text").notNull(),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    occurredAt: epochMs("occurred_at").notNull(),
    callId: text("call_id"),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("interactions_account_occurred").on(t.accountId, t.occurredAt, t.id),
    index("interactions_account_phone").on(t.accountId, t.customerPhone, t.occurredAt),
    index("interactions_account_email").on(t.accountId, t.customerEmail, t.occurredAt),
    uniqueIndex("interactions_account_call").on(t.accountId, t.callId),
  ],
);

/**
 * What Ringtrail knows of a customer beyond their interactions: one row per key (the E.164
 * phone, else the email), with the place and attributes the account told us.
 */
export const customers = sqliteTable(
  "customers",
  {
    id: id(),
    accountId: accountId(),
    key: text("key").notNull(),
    phone: text("phone"),
    email: text("email"),
    country: text("country"),
    region: text("region"),
    postalCode: text("postal_code"),
    lat: real("lat"),
    lon: real("lon"),
    attributes: text("attributes", { mode: "json" })
      .$type<Record<string, string | number | boolean>>()
      .notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("customers_account_key").on(t.accountId, t.key)],
);

/**
 * The account's model registry: one row per model with its state as JSON (the trained subject
 * classifier, the CEL intent and urgency rules) and, as `customer_state`, where the state of a
 * customer's device or account comes from. Models without a row run on their defaults.
 */
export const intelModels = sqliteTable(
  "intel_models",
  {
    accountId: accountId(),
    model: text("model").notNull(),
    state: text("state", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    version: integer("version").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.model] })],
);

/** The account's labelled messages that the subject classifier trains and is evaluated on. */
export const subjectExamples = sqliteTable(
  "subject_examples",
  {
    id: id(),
    accountId: accountId(),
    text: text("text").notNull(),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("subject_examples_account").on(t.accountId, t.id)],
);

/** A response message for a subject and medium; `{{name}}` placeholders are filled in. */
export const responseTemplates = sqliteTable(
  "response_templates",
  {
    id: id(),
    accountId: accountId(),
    subject: text("subject").notNull(),
    medium: text("medium").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("response_templates_subject_medium").on(t.accountId, t.subject, t.medium)],
);

/** The specialists for a subject: the first of them on duty is the routing target. */
export const subjectSpecialists = sqliteTable(
  "subject_specialists",
  {
    accountId: accountId(),
    subject: text("subject").notNull(),
    agentIds: text("agent_ids", { mode: "json" }).$type<string[]>().notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.subject] })],
);

export type InteractionRow = typeof interactions.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;
export type IntelModelRow = typeof intelModels.$inferSelect;
export type SubjectExampleRow = typeof subjectExamples.$inferSelect;
export type ResponseTemplateRow = typeof responseTemplates.$inferSelect;
