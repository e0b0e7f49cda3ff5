import { CHANNELS, type Channel } from "@ringtrail/core";
import type { Touch } from "@ringtrail/core/models";
import type { Queryable } from "@ringtrail/db";

/**
 * A number of a `source` pool is shown per channel, not per session, so the pool itself is a
 * candidate: it stands for "a visit of this channel that we did not track as a session" (ad
 * extensions, cached pages, visitors who blocked the script). It carries no comparison levels,
 * so its Bayes factor against "no session" is 1 and it competes only through its prior: it
 * takes the share 1 − none of the posterior mass left for "no session", where `none` is the
 * account's prior that a call comes from outside any tracked context. The rest stays
 * unattributed. Its touch is the pool's channel, and its source, campaign and landing page
 * when the pool's rules name exactly one literal value (no wildcard).
 */
export interface SourcePoolCandidate {
  poolId: string;
  touch: Omit<Touch, "at">;
}

const POOL_SQL = `SELECT p.id, p.kind, p.rules FROM numbers n JOIN pools p ON p.id = n.pool_id
  WHERE n.id = ? AND p.account_id = ?`;

function literal(list: unknown): string | null {
  if (!Array.isArray(list) || list.length !== 1) return null;
  const value = list[0];
  return typeof value === "string" && !value.includes("*") ? value : null;
}

/** The pool pseudo-candidate for a number, or null for a session pool or a pool naming no channel. */
export async function loadSourcePool(
  reads: Queryable,
  accountId: string,
  numberId: string | null,
): Promise<SourcePoolCandidate | null> {
  if (numberId === null) return null;
  const { rows } = await reads.execute({ sql: POOL_SQL, args: [numberId, accountId] });
  const row = rows[0];
  if (row?.kind !== "source") return null;
  let rules: Record<string, unknown>;
  try {
    rules = JSON.parse(String(row.rules)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const channels = Array.isArray(rules.channel) ? rules.channel : [];
  const channel = channels.find((c): c is Channel => CHANNELS.includes(c as Channel));
  if (!channel) return null;
  const poolId = String(row.id);
  return {
    poolId,
    touch: {
      sessionId: poolId,
      channel,
      source: literal(rules.source),
      campaign: literal(rules.campaign),
      landingPath: literal(rules.path),
    },
  };
}
