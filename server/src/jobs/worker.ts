import type { Client } from "@libsql/client";
import type { Logger } from "../log";

/** A claimed job, as its handler sees it. */
export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** 1 on the first run. */
  attempts: number;
}

/** Does the work or throws; a throw schedules a retry with backoff. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  client: Client;
  handlers: Readonly<Record<string, JobHandler>>;
  now?: () => number;
  log?: Logger;
  pollMs?: number;
  /** Jobs claimed per poll and run concurrently. */
  batch?: number;
  /** How long a claimed job is ours; a worker that dies mid-job frees it after this. */
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** After this many failed runs the job stays `failed` with its last error. */
  maxAttempts?: number;
}

/**
 * Runs durable jobs from the `jobs` table. Claiming is one UPDATE … RETURNING, so several
 * instances on one database never run a job twice at once; `run_after` doubles as the
 * lease of a running job, so a crash mid-job only delays it.
 */
export class JobWorker {
  private readonly o: Required<Omit<JobWorkerOptions, "log">> & { log?: Logger };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(options: JobWorkerOptions) {
    this.o = {
      now: Date.now,
      pollMs: 1_000,
      batch: 8,
      leaseMs: 5 * 60_000,
      backoffMs: 5_000,
      maxBackoffMs: 60 * 60_000,
      maxAttempts: 8,
      ...options,
    };
  }

  /** Delay before the next run after `attempts` failed runs: 5 s, 10 s, 20 s … capped. */
  backoff(attempts: number): number {
    return Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** Math.max(0, attempts - 1));
  }

  /** Claims the due jobs and runs them; resolves with how many ran. */
  runOnce(): Promise<number> {
    this.running ??= this.claimAndRun().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(): void {
    if (this.timer) return;
    const tick = async () => {
      try {
        // Keep going without waiting while there is a backlog.
        while ((await this.runOnce()) === this.o.batch && this.timer) {}
      } catch (err) {
        this.o.log?.log("error", "job poll failed", { error: String(err) });
      }
      if (this.timer) this.timer = setTimeout(tick, this.o.pollMs).unref();
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private async claimAndRun(): Promise<number> {
    const now = this.o.now();
    const res = await this.o.client.execute({
      sql: `UPDATE jobs SET status = 'running', attempts = attempts + 1, run_after = ?, updated_at = ?
        WHERE id IN (SELECT id FROM jobs WHERE status IN ('queued', 'running') AND run_after <= ?
          ORDER BY run_after, id LIMIT ?)
        RETURNING id, kind, payload, attempts`,
      args: [now + this.o.leaseMs, now, now, this.o.batch],
    });
    const jobs = res.rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind),
      payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
      attempts: Number(r.attempts),
    }));
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.o.handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(job);
      await this.finish(job, "done", null, 0);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof PermanentJobError || job.attempts >= this.o.maxAttempts;
      this.o.log?.log(final ? "error" : "info", "job failed", {
        job: job.id,
        kind: job.kind,
        attempts: job.attempts,
        error: message,
      });
      await this.finish(job, final ? "failed" : "queued", message, this.backoff(job.attempts));
    }
  }

  /** Only the claim that ran the job may settle it (attempts unchanged since the claim). */
  private async finish(job: ClaimedJob, status: string, error: string | null, delayMs: number) {
    const now = this.o.now();
    await this.o.client.execute({
      sql: `UPDATE jobs SET status = ?, last_error = ?, run_after = ?, updated_at = ?
        WHERE id = ? AND attempts = ? AND status = 'running'`,
      args: [status, error?.slice(0, 500) ?? null, now + delayMs, now, job.id, job.attempts],
    });
  }
}

/** A failure that retrying cannot fix (bad payload, unknown kind). */
export class PermanentJobError extends Error {}
