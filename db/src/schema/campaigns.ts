import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, createdAt, epochMs, id } from "./columns";

export const CAMPAIGN_STATUSES = ["queued", "running", "done", "failed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * An event the account expects or sees happening (a storm, an outage), with the area it
 * affects and the actions to take for the affected customers. `events` names session events,
 * hence `campaign_events`. Progress is the checkpoint a resumed run continues from.
 */
export const campaignEvents = sqliteTable(
  "campaign_events",
  {
    id: id(),
    accountId: accountId(),
    kind: text("kind").notNull(),
    name: text("name"),
    startsAt: epochMs("starts_at").notNull(),
    endsAt: epochMs("ends_at").notNull(),
    area: text("area", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    filters: text("filters", { mode: "json" })
      .$type<Record<string, string | number | boolean>>()
      .notNull(),
    actions: text("actions", { mode: "json" }).$type<string[]>().notNull(),
    /** The `sms` action's sender (one of the account's numbers) and message. */
    sms: text("sms", { mode: "json" }).$type<{ from: string; carrier: string; body: string }>(),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
    /** Affected customers, known once the audience is snapshot; null before. */
    total: integer("total"),
    /** Audience rows handled so far (in seq order): the checkpoint. */
    processed: integer("processed").notNull().default(0),
    batches: integer("batches").notNull().default(0),
    /** Customers per batch (one outbound webhook each). */
    batchSize: integer("batch_size").notNull(),
    /** Matches per area criterion type: {"country": 3, "postal": 1, …}. */
    matchedBy: text("matched_by", { mode: "json" }).$type<Record<string, number>>(),
    notes: text("notes", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [index("campaign_events_account").on(t.accountId, t.startsAt, t.id)],
);

/** An event's affected customers, snapshot once so a resumed run sees the same list. */
export const campaignAudience = sqliteTable(
  "campaign_audience",
  {
    eventId: text("event_id").notNull(),
    seq: integer("seq").notNull(),
    accountId: accountId(),
    customerKey: text("customer_key").notNull(),
    /** E.164, for call flows asking whether a caller is affected. */
    phone: text("phone"),
    email: text("email"),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    /** SHA-256 hex per ad platform's normalisation; null until processed or when missing. */
    emailGoogle: text("email_google"),
    phoneGoogle: text("phone_google"),
    emailMeta: text("email_meta"),
    phoneMeta: text("phone_meta"),
    processedAt: epochMs("processed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.seq] }),
    index("campaign_audience_phone").on(t.accountId, t.phone),
  ],
);

export type CampaignEventRow = typeof campaignEvents.$inferSelect;
export type CampaignAudienceRow = typeof campaignAudience.$inferSelect;
