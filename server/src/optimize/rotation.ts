import type { Services } from "../context";
import { applyChanges, type Change, planChanges } from "./apply";
import { planPool } from "./plan";

const DAY_MS = 86_400_000;
/** The window reputation judges calls in (plan.ts reads the same). */
const WINDOW_MS = 30 * DAY_MS;

/**
 * Takes burnt numbers out of rotation without waiting for anyone to ask: every pool whose
 * numbers took calls in the reputation window is planned as `POST /optimize` would, and only
 * the quarantines and releases that reputation calls for are applied (moves and purchases stay
 * recommendations for a person). A number holding a live lease is skipped and judged again on
 * the next round. Audit entries carry no key: the system made the change.
 */
export async function rotateBurntNumbers(services: Services, now: number): Promise<Change[]> {
  const { rows } = await services.database.client.execute({
    sql: `SELECT DISTINCT n.account_id, p.site_id, n.pool_id, s.quarantine_days
      FROM calls c JOIN numbers n ON n.id = c.number_id
      JOIN pools p ON p.id = n.pool_id JOIN sites s ON s.id = p.site_id
      WHERE c.started_at >= ? AND c.is_test = 0 AND n.status = 'active'`,
    args: [now - WINDOW_MS],
  });
  const applied: Change[] = [];
  // A site's pools are read once per round, however many of them took calls.
  const poolsOfSite = new Map<string, string[]>();
  for (const r of rows) {
    const accountId = String(r.account_id);
    const siteId = String(r.site_id);
    const poolId = String(r.pool_id);
    const quarantineDays = Number(r.quarantine_days);
    let sitePoolIds = poolsOfSite.get(siteId);
    if (!sitePoolIds) {
      const sitePools = await services.database.client.execute({
        sql: "SELECT id FROM pools WHERE account_id = ? AND site_id = ?",
        args: [accountId, siteId],
      });
      sitePoolIds = sitePools.rows.map((p) => String(p.id));
      poolsOfSite.set(siteId, sitePoolIds);
    }
    const plan = await planPool(services.database.client, {
      accountId,
      siteId,
      poolId,
      sitePoolIds,
      quarantineDays,
      from: now - 7 * DAY_MS,
      to: now,
      now,
    });
    const burnt = planChanges(plan, poolId, now).filter(
      (c) => c.action === "quarantine" || c.action === "release",
    );
    if (burnt.length === 0) continue;
    const done = await applyChanges(services.writer, accountId, null, burnt, quarantineDays, now);
    if (done.some((c) => c.status === "applied")) services.pools.invalidate(poolId);
    applied.push(...done.filter((c) => c.status === "applied"));
  }
  return applied;
}

/** Runs `rotateBurntNumbers` every `everyMs` (default an hour) in a serving process. */
export function startRotationClock(services: Services, everyMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    rotateBurntNumbers(services, services.now()).catch((err: unknown) =>
      services.log.log("error", "number rotation failed", { error: String(err) }),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
