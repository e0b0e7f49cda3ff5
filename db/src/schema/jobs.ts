import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, epochMs } from "./columns";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * A durable job queue: a job is written in the same batch as the fact that caused it, so a
 * crash cannot lose it. A worker claims due jobs with one UPDATE; while a job runs,
 * `run_after` is its lease, so a job whose worker died becomes due again.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    /** Makes enqueueing idempotent: a retried webhook queues its job once. */
    key: text("key"),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    runAfter: epochMs("run_after").notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("jobs_key").on(t.key), index("jobs_due").on(t.status, t.runAfter)],
);

export type Job = typeof jobs.$inferSelect;
