import { formatDisplay } from "@ringtrail/core/phone";
import type { Holder, PoolNumber } from "@ringtrail/core/pool";
import type { Queryable } from "@ringtrail/db";
import { FreeQueue } from "./free-queue";
import { MinHeap } from "./min-heap";

export type LiveHolder = Holder & { until: number };
export type NumberState = Omit<PoolNumber, "holders"> & {
  holders: LiveHolder[];
  /** How the number is written in its country; computed when first shown (libphonenumber is not free). */
  display: string | null;
  /** Moves on at every claim, so queue entries from before it are recognised as stale. */
  epoch: number;
};

/** Free candidates taken from each queue per visit; enough for retries, bounded for speed. */
const CANDIDATES_PER_QUEUE = 8;
/** Leased numbers sampled per visit when none is free, to find the most distinguishable. */
const SHARE_SAMPLE = 64;

class PoolSnapshot {
  readonly byId = new Map<string, NumberState>();
  /** Free numbers per region key ("R:US-CA", "C:US", "*"), oldest release first. */
  private readonly queues = new Map<string, FreeQueue<NumberState>>();
  private readonly leased = new MinHeap<NumberState>();
  private sampleAt = 0;

  constructor(
    numbers: NumberState[],
    readonly loadedAt: number,
  ) {
    const free = numbers.filter((n) => n.leasedUntil <= loadedAt);
    free.sort((a, b) => a.leasedUntil - b.leasedUntil);
    for (const n of numbers) this.byId.set(n.id, n);
    for (const n of free) this.release(n);
    for (const n of numbers) if (n.leasedUntil > loadedAt) this.leased.push(n.leasedUntil, n);
  }

  /** Lease ends that have passed put their numbers back in the free queues, in release order. */
  advance(now: number): void {
    while (this.leased.peekKey() <= now) {
      const { key, value: n } = this.leased.pop()!;
      if (n.leasedUntil !== key) continue;
      n.holders = [];
      n.releasedAt = key;
      this.release(n);
    }
  }

  leasedAgain(n: NumberState): void {
    this.leased.push(n.leasedUntil, n);
  }

  /**
   * The numbers worth ranking for this visitor: the oldest free ones in its region, its
   * country and anywhere, its own sticky number, and, when nothing is free, a rotating sample
   * of leased ones. Core's rankClaims orders them; this only keeps the list short.
   */
  candidates(
    region: string | null,
    country: string | null,
    sticky: string | undefined,
    now: number,
  ): NumberState[] {
    const out: NumberState[] = [];
    const isFree = (n: NumberState) => n.leasedUntil <= now && n.status === "active";
    if (region) this.queues.get(`R:${region}`)?.take(CANDIDATES_PER_QUEUE, isFree, out);
    if (country) this.queues.get(`C:${country}`)?.take(CANDIDATES_PER_QUEUE, isFree, out);
    this.queues.get("*")?.take(CANDIDATES_PER_QUEUE, isFree, out);
    const own = sticky ? this.byId.get(sticky) : undefined;
    if (own && !out.includes(own)) out.push(own);
    if (out.length === 0 || (out.length === 1 && out[0] === own)) {
      const leased = this.leased.values();
      for (let i = 0; i < Math.min(SHARE_SAMPLE, leased.length); i++) {
        const n = leased[(this.sampleAt + i) % leased.length]!.value;
        if (!out.includes(n)) out.push(n);
      }
      this.sampleAt = (this.sampleAt + SHARE_SAMPLE) % Math.max(1, leased.length);
    }
    for (const n of out)
      if (n.holders.length > 0) n.holders = n.holders.filter((h) => h.until > now);
    return out;
  }

  private release(n: NumberState): void {
    const keys = ["*"];
    if (n.region) {
      keys.push(`R:${n.region}`);
      const dash = n.region.indexOf("-");
      keys.push(`C:${dash > 0 ? n.region.slice(0, dash) : n.region}`);
    }
    for (const key of keys) {
      let q = this.queues.get(key);
      if (!q) {
        q = new FreeQueue<NumberState>();
        this.queues.set(key, q);
      }
      q.push(n);
    }
  }
}

const LOAD_SQL = `SELECT n.id, n.e164, n.region, n.kind, n.status, n.leased_until,
  l.session_id, l.until, s.region AS s_region, s.country AS s_country, s.device AS s_device
  FROM numbers n
  LEFT JOIN leases l ON l.number_id = n.id AND l.until > ? AND l.released_at IS NULL
  LEFT JOIN sessions s ON s.id = l.session_id
  WHERE n.pool_id = ? AND n.status = 'active'`;

/**
 * What this process believes about each pool's numbers: who holds them and until when.
 * The belief only orders the claims; the claim itself is a conditional UPDATE in the
 * database, so a stale belief costs a retry, never a double lease. A lost claim or the
 * TTL reloads the pool. A visit costs O(candidates), not O(pool size).
 */
export class PoolStateCache {
  private pools = new Map<string, PoolSnapshot>();

  constructor(
    private readonly client: Queryable,
    private readonly now: () => number,
    /**
     * A full reload is the backstop for numbers added elsewhere; staleness about leases
     * corrects itself sooner, because a claim that loses in the database reloads the pool.
     */
    private readonly ttlMs = 60_000,
  ) {}

  async candidates(
    poolId: string,
    visitor: { region: string | null; country: string | null },
    sticky: string | undefined,
  ): Promise<NumberState[]> {
    const now = this.now();
    let snap = this.pools.get(poolId);
    if (!snap || now - snap.loadedAt >= this.ttlMs) snap = await this.load(poolId, now);
    snap.advance(now);
    return snap.candidates(visitor.region, visitor.country, sticky, now);
  }

  number(poolId: string, numberId: string): NumberState | undefined {
    return this.pools.get(poolId)?.byId.get(numberId);
  }

  static display(n: NumberState): string {
    n.display ??= formatDisplay(n.e164);
    return n.display;
  }

  /**
   * Records a claim as soon as it is chosen, before it is written, so concurrent visits in
   * this process pick different numbers; a claim that then loses in the database reloads
   * the pool, which undoes the optimistic mark.
   */
  claimed(poolId: string, numberId: string, holder: LiveHolder, exclusive: boolean): void {
    const snap = this.pools.get(poolId);
    const n = snap?.byId.get(numberId);
    if (!snap || !n) return;
    if (exclusive) {
      n.holders = n.holders.filter((h) => h.sessionId !== holder.sessionId);
      n.epoch++;
    }
    n.holders.push(holder);
    n.leasedUntil = Math.max(n.leasedUntil, holder.until);
    n.releasedAt = null;
    snap.leasedAgain(n);
  }

  /** Heartbeats move holders' `until` forward. */
  extended(numberIds: Iterable<string>, sessionId: string, until: number): void {
    for (const id of numberIds) {
      for (const snap of this.pools.values()) {
        const n = snap.byId.get(id);
        if (!n) continue;
        if (until > n.leasedUntil) {
          n.leasedUntil = until;
          snap.leasedAgain(n);
        }
        for (const h of n.holders) if (h.sessionId === sessionId) h.until = until;
      }
    }
  }

  invalidate(poolId?: string): void {
    if (poolId) this.pools.delete(poolId);
    else this.pools.clear();
  }

  private async load(poolId: string, now: number): Promise<PoolSnapshot> {
    const res = await this.client.execute({ sql: LOAD_SQL, args: [now, poolId] });
    const byId = new Map<string, NumberState>();
    for (const r of res.rows) {
      const id = String(r.id);
      let n = byId.get(id);
      if (!n) {
        const leasedUntil = Number(r.leased_until);
        n = {
          id,
          e164: String(r.e164),
          display: null,
          region: r.region === null ? null : String(r.region),
          kind: r.kind as NumberState["kind"],
          status: r.status as NumberState["status"],
          leasedUntil,
          releasedAt: leasedUntil === 0 ? null : leasedUntil,
          holders: [],
          epoch: 0,
        };
        byId.set(id, n);
      }
      if (r.session_id !== null) {
        n.holders.push({
          sessionId: String(r.session_id),
          region: r.s_region === null ? null : String(r.s_region),
          country: r.s_country === null ? null : String(r.s_country),
          device: (r.s_device ?? "desktop") as LiveHolder["device"],
          until: Number(r.until),
        });
      }
    }
    const snap = new PoolSnapshot([...byId.values()], now);
    this.pools.set(poolId, snap);
    return snap;
  }
}
