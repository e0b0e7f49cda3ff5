import type { InStatement } from "@libsql/client";
import { parsePhone } from "@ringtrail/core/phone";
import type { Services } from "../context";
import { enqueueStatement } from "../jobs/queue";
import { type JobHandler, PermanentJobError } from "../jobs/worker";
import { processInteraction } from "./process";

export const CALL_INTERACTION_JOB = "call_interaction";

const DAY_MS = 86_400_000;

/**
 * Queues the interaction of a call whose transcript this batch stores: a job, so the carrier
 * is answered without waiting on the models, and nothing is lost if we crash after answering.
 * One per call: a repeated or corrected transcription callback queues nothing more.
 */
export function callInteractionStatement(
  carrier: string,
  carrierCallId: string,
  now: number,
): InStatement {
  return enqueueStatement({
    kind: CALL_INTERACTION_JOB,
    key: `${CALL_INTERACTION_JOB}:${carrier}:${carrierCallId}`,
    payloadSql: `SELECT json_object('call_id', id, 'account_id', account_id) AS payload FROM calls
      WHERE carrier = ? AND carrier_call_id = ? AND transcript IS NOT NULL`,
    payloadArgs: [carrier, carrierCallId],
    now,
  });
}

/** Creates and interprets the interaction of a transcribed call (the spam model sees the call). */
export function callInteractionJob(services: Services): JobHandler {
  const { client } = services.database;
  return async function callInteraction(job) {
    const callId = job.payload.call_id;
    const accountId = job.payload.account_id;
    if (typeof callId !== "string" || typeof accountId !== "string") {
      throw new PermanentJobError("payload needs call_id and account_id");
    }
    const done = await client.execute({
      sql: "SELECT 1 FROM interactions WHERE account_id = ? AND call_id = ?",
      args: [accountId, callId],
    });
    if (done.rows.length > 0) return;
    const { rows } = await client.execute({
      sql: `SELECT c."from", c."to", c.started_at, c.duration_s, c.transcript, c.carrier, c.caller_region,
          c.caller_country, c.caller_zip,
          (SELECT count(*) FROM call_matches m WHERE m.call_id = c.id AND m.probability >= 0.5
            AND m.session_id LIKE 'ses_%') AS sessions,
          (SELECT count(*) FROM calls p WHERE p.account_id = c.account_id AND p."from" = c."from"
            AND p.started_at > c.started_at - ? AND p.started_at <= c.started_at) AS recent
        FROM calls c WHERE c.id = ? AND c.account_id = ?`,
      args: [DAY_MS, callId, accountId],
    });
    const call = rows[0];
    if (!call) throw new PermanentJobError(`no call ${callId}`);
    const from = String(call.from);
    const parsed = parsePhone(from);
    const phone = parsed.ok ? parsed.e164 : null;
    const processed = await processInteraction(services, accountId, {
      channel: "call",
      phone,
      email: null,
      text: String(call.transcript ?? ""),
      metadata: {
        carrier: String(call.carrier),
        duration_s: call.duration_s === null ? null : Number(call.duration_s),
      },
      occurredAt: Number(call.started_at),
      callId,
      customer: {
        ...(call.caller_region === null ? {} : { region: String(call.caller_region) }),
        ...(call.caller_country === null ? {} : { country: String(call.caller_country) }),
        ...(call.caller_zip === null ? {} : { postal_code: String(call.caller_zip) }),
      },
      call: {
        caller: from,
        called: String(call.to),
        durationSec: Number(call.duration_s ?? 0),
        hasSession: Number(call.sessions) > 0,
        recentCallsFromCaller: Number(call.recent),
      },
    });
    await services.writer.write(processed.statements);
  };
}
