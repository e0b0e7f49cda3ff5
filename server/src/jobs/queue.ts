import type { InArgs, InStatement, InValue } from "@libsql/client";

interface JobBase {
  kind: string;
  /** Enqueueing twice with one key queues one job (a carrier retried its callback). */
  key: string | null;
  now: number;
  /** Not before this time (epoch ms); defaults to now. */
  runAfter?: number;
}

/** A payload given as a value, or computed in SQL from rows the same batch writes first. */
export type EnqueueJob = JobBase &
  (
    | { payload: Record<string, unknown> }
    /** A SELECT returning one column named `payload` (JSON text); no row, no job. */
    | { payloadSql: string; payloadArgs: InValue[] }
  );

/**
 * The INSERT that queues a job, to batch with the write that causes it: both commit or
 * neither does, so no acknowledged fact is left without its job.
 */
export function enqueueStatement(job: EnqueueJob): InStatement {
  const head =
    "INSERT INTO jobs (kind, key, payload, status, attempts, run_after, created_at, updated_at)";
  const runAfter = job.runAfter ?? job.now;
  if ("payload" in job) {
    return {
      sql: `${head} VALUES (?, ?, ?, 'queued', 0, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      args: [job.kind, job.key, JSON.stringify(job.payload), runAfter, job.now, job.now],
    };
  }
  const args: InArgs = [job.kind, job.key, runAfter, job.now, job.now, ...job.payloadArgs];
  // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint.
  return {
    sql: `${head} SELECT ?, ?, p.payload, 'queued', 0, ?, ?, ? FROM (${job.payloadSql}) p WHERE true
      ON CONFLICT (key) DO NOTHING`,
    args,
  };
}
