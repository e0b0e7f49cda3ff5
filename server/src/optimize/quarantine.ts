import { type GroupCommit, type InStatement, newId } from "@ringtrail/db";

/**
 * The quarantine clock: numbers of these pools whose cooling period is over go back to
 * `active`, each with an audit entry, in one write. Returns the pools that got numbers back
 * (their cached state must be reloaded).
 */
export async function endQuarantines(
  writer: GroupCommit,
  accountId: string,
  poolIds: readonly string[],
  now: number,
): Promise<string[]> {
  if (poolIds.length === 0) return [];
  const marks = poolIds.map(() => "?").join(", ");
  const cooled = `account_id = ? AND pool_id IN (${marks}) AND status = 'quarantined'
    AND quarantined_until IS NOT NULL AND quarantined_until <= ?`;
  const stmts: InStatement[] = [
    {
      sql: `INSERT INTO pool_audit (id, account_id, number_id, action, from_pool_id, to_pool_id, reason, key_id, at)
        SELECT ? || '_' || id, account_id, id, 'reactivate', pool_id, pool_id, 'cooling period ended', NULL, ?
        FROM numbers WHERE ${cooled}`,
      args: [newId("aud", now), now, accountId, ...poolIds, now],
    },
    {
      sql: `UPDATE numbers SET status = 'active', quarantined_until = NULL WHERE ${cooled} RETURNING pool_id`,
      args: [accountId, ...poolIds, now],
    },
  ];
  const [, updated] = await writer.write(stmts);
  return [...new Set((updated?.rows ?? []).map((r) => String(r.pool_id)))];
}
