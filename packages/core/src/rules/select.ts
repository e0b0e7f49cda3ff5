import type { VisitContext } from "../visit";
import { firstFailingField } from "./match";
import type { PoolRules, RuleField } from "./types";

/** What pool selection needs to know about a pool; callers pass their own richer records. */
export interface SelectablePool {
  id: string;
  kind: "session" | "source";
  /** Higher numbers are tried first. */
  priority: number;
  rules: PoolRules;
}

/**
 * Evaluation order: source pools before session pools (a source pool is the advertiser's
 * explicit "calls from this campaign go to this number", so it must not be shadowed by a
 * broad session pool), then higher `priority` first, then `id` so ties never depend on the
 * order rows came back from the database.
 */
export function comparePools(a: SelectablePool, b: SelectablePool): number {
  if (a.kind !== b.kind) return a.kind === "source" ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  // Code-unit order, not localeCompare: the same answer in every runtime and locale.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The pool that serves this visit: the first in `comparePools` order whose rules match,
 * or null when none does (the page keeps its own numbers).
 *
 * @example
 * const news = { id: "pool_news", kind: "source", priority: 9, rules: { channel: ["email"] } };
 * const all = { id: "pool_all", kind: "session", priority: 0, rules: {} };
 * selectPool([all, news], ctx) // news for an email visit, all for anything else
 */
export function selectPool<P extends SelectablePool>(
  pools: readonly P[],
  ctx: VisitContext,
): P | null {
  // One pass without sorting: only a pool that would be tried before the current winner
  // needs its rules evaluated.
  let best: P | null = null;
  for (const pool of pools) {
    if (best !== null && comparePools(pool, best) >= 0) continue;
    if (firstFailingField(pool.rules, ctx) === null) best = pool;
  }
  return best;
}

export interface PoolVerdict<P> {
  pool: P;
  matched: boolean;
  /** The first condition the visit failed; null when it matched. */
  failedField: RuleField | null;
  /** True for the one pool `selectPool` returns. */
  selected: boolean;
}

/**
 * Every pool in evaluation order with whether it matched and why not, for debugging rules
 * and for the demo. The selected pool is the first verdict with `matched`.
 */
export function explainPoolSelection<P extends SelectablePool>(
  pools: readonly P[],
  ctx: VisitContext,
): PoolVerdict<P>[] {
  let found = false;
  return [...pools].sort(comparePools).map((pool) => {
    const failedField = firstFailingField(pool.rules, ctx);
    const matched = failedField === null;
    const selected = matched && !found;
    if (selected) found = true;
    return { pool, matched, failedField, selected };
  });
}
