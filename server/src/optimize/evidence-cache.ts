import { learnHoldTime } from "@ringtrail/core/optimize";
import type { Queryable } from "@ringtrail/db";
import type { SiteConfig } from "../assign/site-config";
import type { Logger } from "../log";
import { armsByChannel, type ChannelArms, readCallDelays, readPosteriors } from "./evidence-store";

/** What assignment knows about a site from its history. */
export interface SiteEvidence {
  arms: ChannelArms;
  /** Learned hold in seconds, or null (no bounds set, or too few calls): use the site's. */
  holdS: number | null;
  loadedAt: number;
}

const DAY_MS = 86_400_000;
/** Below this many delays the learned hold is not trusted (as core's default). */
export const HOLD_MIN_SAMPLES = 30;

/**
 * Per-site evidence for the assignment hot path: a visit reads it synchronously (O(1)); a
 * stale or missing entry is refreshed in the background, and until then the visit uses
 * what is there, or the foundation's rule. Learning may lag minutes; it never costs a visit
 * a query.
 */
export class EvidenceCache {
  private bySite = new Map<string, SiteEvidence>();
  private inFlight = new Map<string, Promise<SiteEvidence>>();
  /** Process time (performance.now) of each site's last background refresh. */
  private refreshedAt = new Map<string, number>();

  constructor(
    private readonly client: Queryable,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly ttlMs = 300_000,
    private readonly windowDays = 30,
    /**
     * A floor in process time between background refreshes of a site: a refresh scans the
     * site's leases, and under a compressed clock (SIM_CLOCK) five clock minutes can pass
     * in a few real milliseconds.
     */
    private readonly minRefreshWallMs = 10_000,
  ) {}

  /** The site's evidence as cached; schedules a refresh when it is missing or old. */
  get(site: SiteConfig): SiteEvidence | undefined {
    const hit = this.bySite.get(site.id);
    const last = this.refreshedAt.get(site.id);
    const wall = performance.now();
    if (
      (!hit || this.now() - hit.loadedAt >= this.ttlMs) &&
      (last === undefined || wall - last >= this.minRefreshWallMs)
    ) {
      this.refreshedAt.set(site.id, wall);
      this.refresh(site).catch((err: unknown) =>
        this.log.log("error", "evidence refresh failed", { site: site.id, error: String(err) }),
      );
    }
    return hit;
  }

  /** The hold a new or continued lease gets: the learned one when there is one. */
  holdS(site: SiteConfig): number {
    return this.get(site)?.holdS ?? site.holdS;
  }

  /** Reads the site's evidence now (one refresh per site at a time). */
  refresh(site: SiteConfig): Promise<SiteEvidence> {
    const running = this.inFlight.get(site.id);
    if (running) return running;
    const job = this.load(site).finally(() => this.inFlight.delete(site.id));
    this.inFlight.set(site.id, job);
    return job;
  }

  private async load(site: SiteConfig): Promise<SiteEvidence> {
    const now = this.now();
    const since = now - this.windowDays * DAY_MS;
    const arms = armsByChannel(await readPosteriors(this.client, site, since));
    let holdS: number | null = null;
    if (site.holdMinS !== null && site.holdMaxS !== null) {
      const delays = await readCallDelays(this.client, site, since);
      if (delays.length >= HOLD_MIN_SAMPLES) {
        holdS = learnHoldTime(delays, {
          minS: site.holdMinS,
          maxS: site.holdMaxS,
          minSamples: HOLD_MIN_SAMPLES,
        });
      }
    }
    const evidence = { arms, holdS, loadedAt: now };
    this.bySite.set(site.id, evidence);
    return evidence;
  }
}
