import { type GroupCommit, type InStatement, newId } from "@ringtrail/db";
import type { Logger } from "../log";

/**
 * The quarantine clock: numbers whose cooling period is over go back to `active`, each with an
 * audit entry, in one write. `where` narrows the numbers (an account's pools); returns the
 * pools that got numbers back (their cached state must be reloaded).
 */
async function endCooled(
  writer: GroupCommit,
  where: { sql: string | null; args: (string | number)[] },
  now: number,
): Promise<string[]> {
  const due = "status = 'quarantined' AND quarantined_until IS NOT NULL AND quarantined_until <= ?";
  const cooled = where.sql === null ? due : `${where.sql} AND ${due}`;
  const args = [...where.args, now];
  const stmts: InStatement[] = [
    {
      sql: `INSERT INTO pool_audit (id, account_id, number_id, action, from_pool_id, to_pool_id, reason, key_id, at)
        SELECT ? || '_' || id, account_id, id, 'reactivate', pool_id, pool_id, 'cooling period ended', NULL, ?
        FROM numbers WHERE ${cooled}`,
      args: [newId("aud", now), now, ...args],
    },
    {
      sql: `UPDATE numbers SET status = 'active', quarantined_until = NULL WHERE ${cooled} RETURNING pool_id`,
      args,
    },
  ];
  const [, updated] = await writer.write(stmts);
  return [
    ...new Set(
      (updated?.rows ?? []).flatMap((r) => (r.pool_id === null ? [] : [String(r.pool_id)])),
    ),
  ];
}

/** Ends the cooled quarantines of some of an account's pools (before a report or a plan). */
export function endQuarantines(
  writer: GroupCommit,
  accountId: string,
  poolIds: readonly string[],
  now: number,
): Promise<string[]> {
  if (poolIds.length === 0) return Promise.resolve([]);
  const marks = poolIds.map(() => "?").join(", ");
  return endCooled(
    writer,
    { sql: `account_id = ? AND pool_id IN (${marks})`, args: [accountId, ...poolIds] },
    now,
  );
}

/** Ends every account's cooled quarantines: what the server's clock runs each minute. */
export function endDueQuarantines(writer: GroupCommit, now: number): Promise<string[]> {
  return endCooled(writer, { sql: null, args: [] }, now);
}

/**
 * Runs `endDueQuarantines` every `everyMs` in a serving process, so a number comes back when
 * its cooling period ends, not when someone next reads the pool's report.
 */
export function startQuarantineClock(o: {
  writer: GroupCommit;
  now: () => number;
  /** Called with each pool that got numbers back. */
  onReturned: (poolId: string) => void;
  log: Logger;
  everyMs?: number;
}): () => void {
  const tick = () =>
    endDueQuarantines(o.writer, o.now())
      .then((pools) => pools.forEach(o.onReturned))
      .catch((err: unknown) =>
        o.log.log("error", "quarantine clock failed", { error: String(err) }),
      );
  const timer = setInterval(tick, o.everyMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
