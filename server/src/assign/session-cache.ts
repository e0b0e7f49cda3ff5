import type { DeviceType, Touch } from "@ringtrail/core";

export interface SwapState {
  target: string;
  numberId: string | null;
  number: string;
  display: string;
}

export interface SessionState {
  id: string;
  accountId: string;
  siteId: string;
  visitorId: string | null;
  poolId: string | null;
  lastSeenAt: number;
  touch: Pick<Touch, "channel" | "source" | "medium" | "campaign">;
  region: string | null;
  country: string | null;
  device: DeviceType;
  swaps: SwapState[];
}

/** The tracking numbers a session holds leases on (fallback swaps hold none). */
export function leasedNumberIds(s: SessionState): string[] {
  return s.swaps.flatMap((x) => (x.numberId ? [x.numberId] : []));
}

/**
 * Recent sessions by id and by visitor, bounded: returning visitors and heartbeats hit it
 * instead of the database. A miss is not an error, only a read.
 */
export class SessionCache {
  private byId = new Map<string, SessionState>();
  private byVisitor = new Map<string, string>();

  constructor(private readonly maxEntries = 200_000) {}

  get(id: string): SessionState | undefined {
    return this.byId.get(id);
  }

  ofVisitor(visitorId: string): SessionState | undefined {
    const id = this.byVisitor.get(visitorId);
    return id ? this.byId.get(id) : undefined;
  }

  set(state: SessionState): void {
    if (this.byId.size >= this.maxEntries) this.evict();
    this.byId.delete(state.id);
    this.byId.set(state.id, state);
    if (state.visitorId) this.byVisitor.set(state.visitorId, state.id);
  }

  private evict(): void {
    // Maps iterate in insertion order and `set` re-inserts: the first tenth is the oldest.
    let n = Math.ceil(this.maxEntries / 10);
    for (const [id, s] of this.byId) {
      this.byId.delete(id);
      if (s.visitorId && this.byVisitor.get(s.visitorId) === id) this.byVisitor.delete(s.visitorId);
      if (--n <= 0) break;
    }
  }
}
