import type { GroupCommit, InStatement } from "@ringtrail/db";

const MINUTE_MS = 60_000;

interface Bucket {
  accountId: string;
  poolId: string;
  minute: number;
  shared: number;
  fallback: number;
}

/**
 * Counts visits that found their pool exhausted, per pool and minute, in memory; `flush`
 * adds the counts to `pool_exhaustions` in one write. A visit pays a map update, not a
 * statement, so an exhausted pool does not also get slower. A crash loses at most the
 * counts since the last flush: they are a report figure, never an acknowledged write.
 */
export class ExhaustionRecorder {
  private buckets = new Map<string, Bucket>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly writer: GroupCommit) {}

  record(accountId: string, poolId: string, kind: "shared" | "fallback", at: number): void {
    const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    const key = `${poolId}@${minute}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = { accountId, poolId, minute, shared: 0, fallback: 0 };
      this.buckets.set(key, b);
    }
    b[kind]++;
  }

  /** Flushes every `intervalMs` without keeping the process alive. */
  start(intervalMs = 10_000): void {
    this.timer ??= setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async flush(): Promise<void> {
    if (this.buckets.size === 0) return;
    const buckets = [...this.buckets.values()];
    this.buckets = new Map();
    const stmts: InStatement[] = buckets.map((b) => ({
      sql: `INSERT INTO pool_exhaustions (pool_id, minute, account_id, shared, fallback) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (pool_id, minute) DO UPDATE SET shared = shared + excluded.shared, fallback = fallback + excluded.fallback`,
      args: [b.poolId, b.minute, b.accountId, b.shared, b.fallback],
    }));
    await this.writer.write(stmts);
  }
}
