import type { InStatement } from "@libsql/client";
import type { Claim } from "@ringtrail/core/pool";
import { newId } from "@ringtrail/db";

export interface LeaseInput {
  accountId: string;
  sessionId: string;
  target: string;
  now: number;
  until: number;
}

/**
 * One claim as two statements in the same group-committed batch: a conditional UPDATE that
 * only a free (or the visitor's own, or a sharable) number passes, then a lease INSERT that
 * only happens when that UPDATE won. SQLite runs a batch's statements in order inside one
 * transaction, and two processes' batches never interleave, so the claim is atomic.
 */
export function claimStatements(claim: Claim, lease: LeaseInput): InStatement[] {
  if (claim.kind === "fallback") return [];
  const { accountId, sessionId, target, now, until } = lease;
  const update: InStatement =
    claim.kind === "free"
      ? {
          sql: "UPDATE numbers SET leased_until = ?, holder = ? WHERE id = ? AND status = 'active' AND leased_until <= ? RETURNING id",
          args: [until, sessionId, claim.numberId, now],
        }
      : claim.kind === "sticky"
        ? {
            sql: "UPDATE numbers SET leased_until = max(leased_until, ?), holder = ? WHERE id = ? AND status = 'active' RETURNING id",
            args: [until, sessionId, claim.numberId],
          }
        : {
            sql: "UPDATE numbers SET leased_until = max(leased_until, ?) WHERE id = ? AND status = 'active' RETURNING id",
            args: [until, claim.numberId],
          };
  const won =
    claim.kind === "shared"
      ? "EXISTS (SELECT 1 FROM numbers WHERE id = ? AND status = 'active')"
      : "EXISTS (SELECT 1 FROM numbers WHERE id = ? AND holder = ?)";
  const wonArgs = claim.kind === "shared" ? [claim.numberId] : [claim.numberId, sessionId];
  const insert: InStatement = {
    sql: `INSERT INTO leases (id, account_id, session_id, number_id, target, kind, assigned_at, last_seen_at, until)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${won}`,
    args: [
      newId("lse"),
      accountId,
      sessionId,
      claim.numberId,
      target,
      claim.kind === "shared" ? "shared" : "exclusive",
      now,
      now,
      until,
      ...wonArgs,
    ],
  };
  return [update, insert];
}

/** Heartbeat: live leases of a session move their end forward, and so do their numbers. */
export function extendStatements(sessionId: string, now: number, until: number): InStatement[] {
  return [
    {
      sql: "UPDATE leases SET last_seen_at = ?, until = ? WHERE session_id = ? AND released_at IS NULL AND until > ?",
      args: [now, until, sessionId, now],
    },
    {
      sql: `UPDATE numbers SET leased_until = max(leased_until, ?) WHERE id IN
        (SELECT number_id FROM leases WHERE session_id = ? AND released_at IS NULL AND until = ?)`,
      args: [until, sessionId, until],
    },
    { sql: "UPDATE sessions SET last_seen_at = ? WHERE id = ?", args: [now, sessionId] },
  ];
}
