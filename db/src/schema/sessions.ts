import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accountId, epochMs, id } from "./columns";

/** A visit: how it arrived (the touch), where from (geo-IP) and on what (device). */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    accountId: accountId(),
    siteId: text("site_id").notNull(),
    visitorId: text("visitor_id"),
    poolId: text("pool_id"),
    startedAt: epochMs("started_at").notNull(),
    lastSeenAt: epochMs("last_seen_at").notNull(),
    channel: text("channel").notNull(),
    source: text("source"),
    medium: text("medium"),
    campaign: text("campaign"),
    term: text("term"),
    content: text("content"),
    clickIds: text("click_ids", { mode: "json" }).$type<Record<string, string>>(),
    referrer: text("referrer"),
    landingUrl: text("landing_url").notNull(),
    landingPath: text("landing_path").notNull(),
    gaClientId: text("ga_client_id"),
    country: text("country"),
    region: text("region"),
    city: text("city"),
    lat: real("lat"),
    lon: real("lon"),
    timeZone: text("time_zone"),
    device: text("device").notNull(),
    browser: text("browser"),
    os: text("os"),
    viewport: text("viewport"),
    /** Page-scoped visit before consent: no visitor id was stored in the browser. */
    consentless: integer("consentless", { mode: "boolean" }).notNull().default(false),
    pageViews: integer("page_views").notNull().default(1),
  },
  (t) => [
    index("sessions_visitor").on(t.visitorId, t.startedAt),
    index("sessions_site_started").on(t.siteId, t.startedAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
