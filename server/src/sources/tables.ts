import { type LookupRow, lookupRows } from "@ringtrail/db";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Services } from "../context";

/** What a flow's `table` source sees: whether the key is listed, and its value. */
export interface TableData {
  listed: boolean;
  value: unknown;
}

/** Table names, as templates, the tables API and the customer-state source name them. */
export const TABLE_NAME = /^[a-z_][a-z0-9_]{0,63}$/;

/**
 * One row of the account's lookup table, as the flow's `table` source reads it.
 *
 * @example
 * await lookupTable(services, "acct_…", "vip", "+14155550100") // { listed: true, value: {…} }
 */
export async function lookupTable(
  services: Pick<Services, "database">,
  accountId: string,
  table: string,
  key: string,
): Promise<TableData> {
  const row = await getTableRow(services, accountId, table, key);
  return row ? { listed: true, value: row.value } : { listed: false, value: null };
}

/** Inserts or replaces a row; returns it as stored. */
export async function putTableRow(
  services: Pick<Services, "database">,
  row: LookupRow,
): Promise<LookupRow> {
  await services.database.db
    .insert(lookupRows)
    .values(row)
    .onConflictDoUpdate({
      target: [lookupRows.accountId, lookupRows.tableName, lookupRows.key],
      set: { value: row.value, updatedAt: row.updatedAt },
    });
  return row;
}

export async function getTableRow(
  services: Pick<Services, "database">,
  accountId: string,
  table: string,
  key: string,
): Promise<LookupRow | undefined> {
  const [row] = await services.database.db
    .select()
    .from(lookupRows)
    .where(
      and(
        eq(lookupRows.accountId, accountId),
        eq(lookupRows.tableName, table),
        eq(lookupRows.key, key),
      ),
    );
  return row;
}

/** Deletes a row; false when there was none. */
export async function deleteTableRow(
  services: Pick<Services, "database">,
  accountId: string,
  table: string,
  key: string,
): Promise<boolean> {
  const res = await services.database.client.execute({
    sql: "DELETE FROM lookup_rows WHERE account_id = ? AND table_name = ? AND key = ?",
    args: [accountId, table, key],
  });
  return res.rowsAffected > 0;
}

/** A page of a table's rows in key order, after `cursor` (the last key of the previous page). */
export async function listTableRows(
  services: Pick<Services, "database">,
  accountId: string,
  table: string,
  limit: number,
  cursor: string | undefined,
): Promise<LookupRow[]> {
  return services.database.db
    .select()
    .from(lookupRows)
    .where(
      and(
        eq(lookupRows.accountId, accountId),
        eq(lookupRows.tableName, table),
        cursor === undefined ? undefined : gt(lookupRows.key, cursor),
      ),
    )
    .orderBy(asc(lookupRows.key))
    .limit(limit);
}

/** The account's table names with their row counts. */
export async function listTables(
  services: Pick<Services, "database">,
  accountId: string,
): Promise<{ name: string; rows: number }[]> {
  const res = await services.database.client.execute({
    sql: `SELECT table_name, COUNT(*) AS n FROM lookup_rows WHERE account_id = ?
      GROUP BY table_name ORDER BY table_name`,
    args: [accountId],
  });
  return res.rows.map((r) => ({ name: String(r.table_name), rows: Number(r.n) }));
}
