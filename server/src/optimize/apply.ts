import { type GroupCommit, type InStatement, newId } from "@ringtrail/db";
import type { PoolPlan } from "./plan";

const DAY_MS = 86_400_000;

export type ChangeAction = "move" | "quarantine" | "release" | "reactivate";

export interface Change {
  action: ChangeAction;
  number: string;
  e164: string | null;
  from_pool: string;
  to_pool: string | null;
  reason: string;
  /** planned (dry run), applied, or skipped because the number holds a live lease. */
  status: "planned" | "applied" | "skipped_leased";
}

/**
 * The changes of a plan that need no purchase: moves, quarantines, releases (core's
 * "retire") and returns from quarantine. Numbers with a live lease are listed as skipped.
 */
export function planChanges(plan: PoolPlan, poolId: string, now: number): Change[] {
  const e164 = (id: string) => plan.e164.get(id) ?? null;
  const out: Change[] = [];
  for (const m of plan.moves) {
    out.push({
      action: "move",
      number: m.numberId,
      e164: e164(m.numberId),
      from_pool: m.fromPoolId,
      to_pool: m.toPoolId,
      reason: `local numbers for ${m.region} visitors`,
      status: "planned",
    });
  }
  for (const r of plan.retireOrQuarantine) {
    out.push({
      action: r.action === "retire" ? "release" : "quarantine",
      number: r.numberId,
      e164: e164(r.numberId),
      from_pool: poolId,
      to_pool: r.action === "retire" ? null : poolId,
      reason: r.reasons.map((x) => x.detail).join("; "),
      status: r.notBefore > now ? "skipped_leased" : "planned",
    });
  }
  for (const id of plan.reactivate) {
    out.push({
      action: "reactivate",
      number: id,
      e164: e164(id),
      from_pool: poolId,
      to_pool: poolId,
      reason: "quarantine over and no suspicious calls",
      status: "planned",
    });
  }
  return out;
}

/**
 * Applies planned changes in one write. Each is a conditional UPDATE that refuses a number
 * leased now (a lease may have started since the plan was made) followed by its audit
 * INSERT guarded by `changes()`, so an entry exists exactly when the change happened.
 */
export async function applyChanges(
  writer: GroupCommit,
  accountId: string,
  keyId: string | null,
  changes: Change[],
  quarantineDays: number,
  now: number,
): Promise<Change[]> {
  const todo = changes.filter((c) => c.status === "planned");
  const stmts: InStatement[] = [];
  for (const c of todo) {
    stmts.push(updateFor(c, accountId, quarantineDays, now), {
      sql: `INSERT INTO pool_audit (id, account_id, number_id, action, from_pool_id, to_pool_id, reason, key_id, at)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
      args: [
        newId("aud", now),
        accountId,
        c.number,
        c.action,
        c.from_pool,
        c.to_pool,
        c.reason,
        keyId,
        now,
      ],
    });
  }
  const results = stmts.length > 0 ? await writer.write(stmts) : [];
  const applied = new Set(
    todo.filter((_, i) => (results[i * 2]?.rowsAffected ?? 0) === 1).map((c) => c.number),
  );
  return changes.map((c) =>
    c.status !== "planned"
      ? c
      : { ...c, status: applied.has(c.number) ? "applied" : "skipped_leased" },
  );
}

function updateFor(c: Change, accountId: string, quarantineDays: number, now: number): InStatement {
  const guard = "id = ? AND account_id = ? AND pool_id = ? AND leased_until <= ?";
  const args = [c.number, accountId, c.from_pool, now];
  switch (c.action) {
    case "move":
      return {
        sql: `UPDATE numbers SET pool_id = ? WHERE ${guard} AND status = 'active'`,
        args: [c.to_pool, ...args],
      };
    case "quarantine":
      return {
        sql: `UPDATE numbers SET status = 'quarantined', quarantined_until = ? WHERE ${guard} AND status = 'active'`,
        args: [now + quarantineDays * DAY_MS, ...args],
      };
    case "release":
      return {
        sql: `UPDATE numbers SET status = 'retired', quarantined_until = NULL WHERE ${guard} AND status != 'retired'`,
        args,
      };
    case "reactivate":
      return {
        sql: `UPDATE numbers SET status = 'active', quarantined_until = NULL WHERE ${guard} AND status = 'quarantined'`,
        args,
      };
  }
}
