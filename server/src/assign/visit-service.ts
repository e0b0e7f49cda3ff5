import type { InStatement } from "@libsql/client";
import { classifyVisit } from "@ringtrail/core/channel";
import { formatDisplay } from "@ringtrail/core/phone";
import { type Claim, rankClaims } from "@ringtrail/core/pool";
import { selectPool } from "@ringtrail/core/rules";
import { type GroupCommit, newId, type Queryable } from "@ringtrail/db";
import type { DeviceInfo } from "../device";
import type { GeoPoint } from "../geo/reader";
import type { EvidenceCache } from "../optimize/evidence-cache";
import type { ExhaustionRecorder } from "../optimize/exhaustion-recorder";
import { claimStatements, extendStatements } from "./claim-statements";
import { learnedOrder } from "./learned-order";
import { PoolStateCache } from "./pool-state";
import {
  leasedNumberIds,
  type SessionCache,
  type SessionState,
  type SwapState,
} from "./session-cache";
import { loadSession, loadVisitorSession } from "./session-store";
import type { PoolConfig, SiteConfig } from "./site-config";
import { sessionInsert, startsNewCampaign, visitContext } from "./visit-session";

export const BEAT_S = 30;
const MAX_CLAIM_ROUNDS = 4;

export interface VisitInput {
  visitor: string | null;
  session: string | null;
  url: string;
  referrer: string | null;
  gaClientId: string | null;
  viewport: [number, number] | null;
  consentless: boolean;
}

export interface VisitResult {
  visitor: string | null;
  session: string;
  swaps: { target: string; number: string; display: string }[];
  /** What the page may still show from the session's earlier assignment (a cached page). */
  previous: { target: string; number: string; display: string }[];
  holdS: number;
}

interface Deps {
  client: Queryable;
  writer: GroupCommit;
  pools: PoolStateCache;
  sessions: SessionCache;
  evidence: EvidenceCache;
  exhaustion: ExhaustionRecorder;
  now: () => number;
  /** Uniform draws for exploration and Thompson sampling; Math.random by default. */
  rng?: () => number;
}

/**
 * Assigns tracking numbers to a page view: continues the visitor's session while it is
 * inside the hold time (same numbers), otherwise starts a session, picks a pool per target
 * from the visit's context and claims a number from it.
 */
export class VisitService {
  constructor(private readonly deps: Deps) {}

  async visit(
    site: SiteConfig,
    input: VisitInput,
    geo: GeoPoint | null,
    dev: DeviceInfo,
  ): Promise<VisitResult> {
    const now = this.deps.now();
    const touch = classifyVisit({
      url: input.url,
      referrer: input.referrer,
      siteHost: site.host ?? undefined,
    });
    const visitorId = input.consentless ? null : (input.visitor ?? newId("vis"));
    const prev = await this.previousSession(site, input, visitorId);
    const holdS = this.deps.evidence.holdS(site);
    const holdMs = holdS * 1000;
    const live =
      prev && prev.lastSeenAt + holdMs > now && !startsNewCampaign(prev, touch) ? prev : null;

    const stmts: InStatement[] = [];
    if (visitorId) {
      stmts.push({
        sql: `INSERT INTO visitors (id, account_id, site_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE visitors.account_id = excluded.account_id`,
        args: [visitorId, site.accountId, site.id, now, now],
      });
    }
    let state: SessionState;
    if (live) {
      state = { ...live, visitorId: live.visitorId ?? visitorId, lastSeenAt: now };
      stmts.push(...extendStatements(state.id, now, now + holdMs));
      stmts.push({
        // A consentless page-scoped session that gets consent becomes the visitor's session.
        sql: "UPDATE sessions SET page_views = page_views + 1, visitor_id = coalesce(visitor_id, ?), consentless = 0 WHERE id = ?",
        args: [state.visitorId, state.id],
      });
      this.deps.pools.extended(leasedNumberIds(state), state.id, now + holdMs);
    } else {
      state = {
        id: newId("ses"),
        accountId: site.accountId,
        siteId: site.id,
        visitorId,
        poolId: null,
        lastSeenAt: now,
        touch: {
          channel: touch.channel,
          source: touch.source,
          medium: touch.medium,
          campaign: touch.campaign,
        },
        region: geo?.region ?? null,
        country: geo?.country ?? null,
        device: dev.device,
        swaps: [],
      };
    }
    const ctx = visitContext(input, touch, geo, dev, now);
    const missing = site.targets.filter((t) => !state.swaps.some((s) => s.target === t));
    const poolOf = new Map(
      missing.map((t) => [
        t,
        selectPool(
          site.pools.filter((x) => x.target === null || x.target === t),
          ctx,
        ),
      ]),
    );
    if (!live) {
      state.poolId = [...poolOf.values()].find((p) => p)?.id ?? null;
      stmts.push(sessionInsert(state, site, input, ctx.path, touch, geo, dev, now));
    }

    // Sticky only inside the hold time: after it, the number may already be someone else's.
    const stickyFrom = prev && prev.lastSeenAt + holdMs > now ? prev.swaps : [];
    const sticky = new Map(
      stickyFrom.flatMap((s) => (s.numberId ? [[s.target, s.numberId] as const] : [])),
    );
    const swaps = await this.claim(site, state, poolOf, sticky, stmts, now, now + holdMs);
    state.swaps = [...state.swaps, ...swaps];
    this.deps.sessions.set(state);
    return {
      visitor: visitorId,
      session: state.id,
      holdS,
      swaps: state.swaps.map(({ target, number, display }) => ({ target, number, display })),
      previous:
        input.session && prev
          ? prev.swaps.map(({ target, number, display }) => ({ target, number, display }))
          : [],
    };
  }

  /**
   * Claims one number per target. The first round's statements ride in the same batch as
   * the session's own writes; a claim lost to another process is retried with the next
   * candidate after reloading that pool.
   */
  private async claim(
    site: SiteConfig,
    state: SessionState,
    poolOf: Map<string, PoolConfig | null>,
    sticky: Map<string, string>,
    first: InStatement[],
    now: number,
    until: number,
  ): Promise<SwapState[]> {
    const { pools, writer } = this.deps;
    const out: SwapState[] = [];
    const taken = new Set(state.swaps.map((s) => s.numberId));
    const holder = {
      sessionId: state.id,
      region: state.region,
      country: state.country,
      device: state.device,
      until,
    };
    let pending = [...poolOf.keys()].map((target) => ({ target, skip: new Set<string>() }));
    let stmts = first;
    for (let round = 0; round < MAX_CLAIM_ROUNDS && (pending.length > 0 || round === 0); round++) {
      const attempts: {
        target: string;
        skip: Set<string>;
        claim: Claim;
        poolId: string;
        e164: string;
        display: string;
        at: number;
      }[] = [];
      for (const p of pending) {
        const pool = poolOf.get(p.target);
        if (!pool) continue;
        const lastRound = round === MAX_CLAIM_ROUNDS - 1;
        const ranked = rankClaims({
          numbers: await pools.candidates(pool.id, state, sticky.get(p.target)),
          visitor: { region: state.region, country: state.country, device: state.device },
          now,
          sticky: sticky.get(p.target),
          fallback: pool.fallback,
          onExhausted: pool.onExhausted,
        });
        const claims =
          round === 0
            ? learnedOrder(ranked, {
                site,
                visitorRegion: state.region,
                channel: state.touch.channel,
                poolId: pool.id,
                pools,
                evidence: this.deps.evidence,
                rng: this.deps.rng ?? Math.random,
              })
            : ranked;
        const claim = claims.find(
          (c) =>
            c.kind === "fallback" ||
            (!lastRound && !taken.has(c.numberId) && !p.skip.has(c.numberId)),
        );
        if (!claim || claim.kind === "fallback" || claim.kind === "shared") {
          this.deps.exhaustion.record(site.accountId, pool.id, claim?.kind ?? "fallback", now);
        }
        if (!claim) continue;
        if (claim.kind === "fallback") {
          out.push({
            target: p.target,
            numberId: null,
            number: claim.e164,
            display: formatDisplay(claim.e164),
          });
          continue;
        }
        taken.add(claim.numberId);
        const number = pools.number(pool.id, claim.numberId);
        pools.claimed(pool.id, claim.numberId, holder, claim.kind !== "shared");
        attempts.push({
          ...p,
          claim,
          poolId: pool.id,
          e164: number?.e164 ?? "",
          display: number ? PoolStateCache.display(number) : "",
          at: stmts.length,
        });
        stmts.push(
          ...claimStatements(claim, {
            accountId: site.accountId,
            sessionId: state.id,
            target: p.target,
            now,
            until,
          }),
        );
      }
      const results = stmts.length > 0 ? await writer.write(stmts) : [];
      pending = [];
      for (const a of attempts) {
        if (a.claim.kind === "fallback") continue;
        if ((results[a.at]?.rows.length ?? 0) > 0) {
          out.push({
            target: a.target,
            numberId: a.claim.numberId,
            number: a.e164,
            display: a.display,
          });
        } else {
          pools.invalidate(a.poolId);
          taken.delete(a.claim.numberId);
          a.skip.add(a.claim.numberId);
          pending.push({ target: a.target, skip: a.skip });
        }
      }
      stmts = [];
    }
    return out;
  }

  private async previousSession(site: SiteConfig, input: VisitInput, visitorId: string | null) {
    const { client, sessions, now } = this.deps;
    if (input.session) {
      const s = sessions.get(input.session) ?? (await loadSession(client, input.session, now()));
      if (s && s.siteId === site.id) return s;
    }
    if (!input.visitor || !visitorId) return null;
    const s =
      sessions.ofVisitor(visitorId) ??
      (await loadVisitorSession(client, site.id, visitorId, now()));
    return s && s.siteId === site.id ? s : null;
  }
}
