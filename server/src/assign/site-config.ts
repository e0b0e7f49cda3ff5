import type { PoolRules } from "@ringtrail/core/rules";
import type { Pool, Queryable, Site } from "@ringtrail/db";

export interface PoolConfig {
  id: string;
  kind: Pool["kind"];
  priority: number;
  rules: PoolRules;
  /** The target this pool replaces; null serves every target of the site. */
  target: string | null;
  fallback: string | null;
  onExhausted: Pool["onExhausted"];
}

export interface SiteConfig {
  id: string;
  accountId: string;
  publicKey: string;
  host: string | null;
  origins: Set<string>;
  targets: string[];
  holdS: number;
  /** Bounds of the learned hold; both null: always `holdS`. */
  holdMinS: number | null;
  holdMaxS: number | null;
  /** Share of visits that explore number characteristics; 0 turns learning off. */
  exploration: number;
  pools: PoolConfig[];
  loadedAt: number;
}

type SiteRow = Pick<
  Site,
  "id" | "accountId" | "publicKey" | "holdS" | "holdMinS" | "holdMaxS" | "exploration"
> & {
  origins: string;
  targets: string;
};

/**
 * Sites and their pools, cached per process. The process that changes a site invalidates
 * it at once; other processes pick the change up within `ttlMs`.
 */
export class SiteConfigCache {
  private byKey = new Map<string, SiteConfig>();
  private byId = new Map<string, SiteConfig>();
  /** Keys no site has, and when that was read: a flood of bad keys costs no reads. */
  private unknown = new Map<string, number>();

  constructor(
    private readonly client: Queryable,
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
  ) {}

  async byPublicKey(publicKey: string): Promise<SiteConfig | null> {
    const now = this.now();
    const hit = this.byKey.get(publicKey);
    if (hit && now - hit.loadedAt < this.ttlMs) return hit;
    const missedAt = this.unknown.get(publicKey);
    if (missedAt !== undefined && now - missedAt < this.ttlMs) return null;
    const res = await this.client.execute({
      sql: "SELECT id, account_id, public_key, hold_s, hold_min_s, hold_max_s, exploration, origins, targets FROM sites WHERE public_key = ?",
      args: [publicKey],
    });
    const row = res.rows[0];
    if (!row) {
      if (this.unknown.size >= 10_000) this.unknown.clear();
      this.unknown.set(publicKey, now);
      return null;
    }
    this.unknown.delete(publicKey);
    return this.load({
      id: String(row.id),
      accountId: String(row.account_id),
      publicKey: String(row.public_key),
      holdS: Number(row.hold_s),
      holdMinS: row.hold_min_s === null ? null : Number(row.hold_min_s),
      holdMaxS: row.hold_max_s === null ? null : Number(row.hold_max_s),
      exploration: Number(row.exploration),
      origins: String(row.origins),
      targets: String(row.targets),
    });
  }

  async bySiteId(siteId: string): Promise<SiteConfig | null> {
    const hit = this.byId.get(siteId);
    if (hit && this.now() - hit.loadedAt < this.ttlMs) return hit;
    const res = await this.client.execute({
      sql: "SELECT public_key FROM sites WHERE id = ?",
      args: [siteId],
    });
    const key = res.rows[0]?.public_key;
    if (typeof key !== "string") return null;
    this.byKey.delete(key);
    return this.byPublicKey(key);
  }

  invalidate(siteId?: string): void {
    if (!siteId) {
      this.byKey.clear();
      this.byId.clear();
      this.unknown.clear();
      return;
    }
    const cfg = this.byId.get(siteId);
    if (cfg) this.byKey.delete(cfg.publicKey);
    this.byId.delete(siteId);
    this.unknown.clear();
  }

  private async load(row: SiteRow): Promise<SiteConfig> {
    const pools = await this.client.execute({
      sql: "SELECT id, kind, priority, rules, target, fallback, on_exhausted FROM pools WHERE site_id = ?",
      args: [row.id],
    });
    const origins = JSON.parse(row.origins) as string[];
    const cfg: SiteConfig = {
      id: row.id,
      accountId: row.accountId,
      publicKey: row.publicKey,
      host: hostOf(origins[0]),
      origins: new Set(origins),
      targets: JSON.parse(row.targets) as string[],
      holdS: row.holdS,
      holdMinS: row.holdMinS,
      holdMaxS: row.holdMaxS,
      exploration: row.exploration,
      pools: pools.rows.map((p) => ({
        id: String(p.id),
        kind: p.kind as PoolConfig["kind"],
        priority: Number(p.priority),
        rules: JSON.parse(String(p.rules)) as PoolRules,
        target: p.target === null ? null : String(p.target),
        fallback: p.fallback === null ? null : String(p.fallback),
        onExhausted: p.on_exhausted as PoolConfig["onExhausted"],
      })),
      loadedAt: this.now(),
    };
    this.byKey.set(cfg.publicKey, cfg);
    this.byId.set(cfg.id, cfg);
    return cfg;
  }
}

function hostOf(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).hostname;
  } catch {
    return null;
  }
}
