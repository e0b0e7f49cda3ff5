import type { Claim, Holder, PoolNumber } from "@ringtrail/core/pool";
import { rankClaims } from "@ringtrail/core/pool";
import { MinHeap } from "./heap";

type LiveHolder = Holder & { until: number };
export type ModelNumber = Omit<PoolNumber, "holders"> & { holders: LiveHolder[]; epoch: number };

const CANDIDATES_PER_QUEUE = 8;
const SHARE_SAMPLE = 64;

/**
 * An in-process copy of the server's pool state (server/src/assign/pool-state.ts): free
 * numbers queued per region, per country and overall in release order, leases in a min-heap
 * by end; each visit ranks a short list with core's rankClaims exactly as the server does.
 */
export class PoolModel {
  readonly numbers: ModelNumber[];
  private readonly queues = new Map<string, { n: ModelNumber; epoch: number }[]>();
  private readonly heads = new Map<string, number>();
  private readonly leased = new MinHeap<ModelNumber>();
  private sampleAt = 0;

  constructor(numbers: { e164: string; region: string | null }[]) {
    this.numbers = numbers.map((n, i) => ({
      id: `num_${String(i).padStart(6, "0")}`,
      e164: n.e164,
      region: n.region,
      kind: "local",
      status: "active",
      leasedUntil: 0,
      releasedAt: null,
      holders: [],
      epoch: 0,
    }));
    for (const n of this.numbers) this.release(n);
  }

  /** The claim the server would make for this visitor now, applied; null when none. */
  claim(holder: LiveHolder, now: number, sticky: ModelNumber | null): ModelNumber | null {
    this.advance(now);
    const candidates = this.candidates(holder.region, sticky, now);
    const claims = rankClaims({
      numbers: candidates,
      visitor: { region: holder.region, country: holder.country, device: holder.device },
      now,
      sticky: sticky?.id,
      fallback: null,
      onExhausted: "share",
    });
    const claim: Claim | undefined = claims[0];
    if (!claim || claim.kind === "fallback") return null;
    const n = candidates.find((c) => c.id === claim.numberId) as ModelNumber;
    if (claim.kind !== "shared") {
      n.holders = n.holders.filter((h) => h.sessionId !== holder.sessionId);
      n.epoch++;
    }
    n.holders.push(holder);
    n.leasedUntil = Math.max(n.leasedUntil, holder.until);
    n.releasedAt = null;
    this.leased.push(n.leasedUntil, n);
    return n;
  }

  extend(n: ModelNumber, sessionId: string, until: number): void {
    if (until > n.leasedUntil) {
      n.leasedUntil = until;
      this.leased.push(until, n);
    }
    for (const h of n.holders) if (h.sessionId === sessionId) h.until = until;
  }

  private advance(now: number): void {
    while (this.leased.peekKey() <= now) {
      const { key, value: n } = this.leased.pop() as { key: number; value: ModelNumber };
      if (n.leasedUntil !== key) continue;
      n.holders = [];
      n.releasedAt = key;
      this.release(n);
    }
  }

  private candidates(
    region: string | null,
    sticky: ModelNumber | null,
    now: number,
  ): ModelNumber[] {
    const out: ModelNumber[] = [];
    if (region) this.take(`R:${region}`, now, out);
    this.take("C:US", now, out);
    this.take("*", now, out);
    if (sticky && !out.includes(sticky)) out.push(sticky);
    if (out.length === 0 || (out.length === 1 && out[0] === sticky)) {
      const leased = this.leased.values();
      for (let i = 0; i < Math.min(SHARE_SAMPLE, leased.length); i++) {
        const n = leased[(this.sampleAt + i) % leased.length] as ModelNumber;
        if (!out.includes(n)) out.push(n);
      }
      this.sampleAt = (this.sampleAt + SHARE_SAMPLE) % Math.max(1, leased.length);
    }
    for (const n of out)
      if (n.holders.length > 0) n.holders = n.holders.filter((h) => h.until > now);
    return out;
  }

  private take(key: string, now: number, out: ModelNumber[]): void {
    const items = this.queues.get(key);
    if (!items) return;
    let head = this.heads.get(key) ?? 0;
    let found = 0;
    for (let i = head; i < items.length && found < CANDIDATES_PER_QUEUE; i++) {
      const entry = items[i] as { n: ModelNumber; epoch: number };
      const live = entry.epoch === entry.n.epoch && entry.n.leasedUntil <= now;
      if (!live) {
        if (i === head) head++;
        continue;
      }
      if (!out.includes(entry.n)) out.push(entry.n);
      found++;
    }
    if (head > 1024 && head * 2 > items.length) {
      this.queues.set(key, items.slice(head));
      head = 0;
    }
    this.heads.set(key, head);
  }

  private release(n: ModelNumber): void {
    const keys = ["*"];
    if (n.region) keys.push(`R:${n.region}`, "C:US");
    for (const key of keys) {
      const q = this.queues.get(key) ?? [];
      q.push({ n, epoch: n.epoch });
      this.queues.set(key, q);
    }
  }
}
