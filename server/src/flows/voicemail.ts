import type { InStatement } from "@libsql/client";
import type { CallEvent } from "@ringtrail/carriers";
import type { Services } from "../context";
import { outboundWebhookStatement } from "../outbound/index";

/**
 * When a recording arrives for a call whose flow last decided on voicemail, a signed
 * `voicemail.recorded` webhook carries it with the flow's destination (an email address or
 * a webhook URL) to the account's endpoints, which deliver it. Queued in the batch that
 * stores the recording; keyed by the recording, so a retried callback queues it once.
 */
export async function voicemailStatements(
  services: Services,
  accountId: string,
  events: readonly CallEvent[],
  now: number,
): Promise<InStatement[]> {
  const recording = events.find((e) => e.kind === "recording");
  if (recording?.kind !== "recording") return [];
  const res = await services.database.reads.execute({
    sql: `SELECT c.id, c."from", c."to", t.decision FROM calls c
      JOIN flow_traces t ON t.call_id = c.id
      WHERE c.carrier = ? AND c.carrier_call_id = ? AND c.account_id = ?
      ORDER BY t.at DESC, t.rowid DESC LIMIT 1`,
    args: [recording.carrier, recording.carrierCallId, accountId],
  });
  const row = res.rows[0];
  if (!row) return [];
  const decision = JSON.parse(String(row.decision)) as {
    action?: {
      kind?: string;
      to?: { kind: "email"; email: string } | { kind: "webhook"; url: string };
    };
  } | null;
  if (decision?.action?.kind !== "voicemail" || !decision.action.to) return [];
  return [
    outboundWebhookStatement({
      accountId,
      event: "voicemail.recorded",
      data: {
        call: String(row.id),
        from: String(row.from),
        to: String(row.to),
        deliver_to: decision.action.to,
        recording_url: recording.recordingUrl,
        recording_duration_s: recording.recordingDurationS ?? null,
      },
      key: `voicemail:${String(row.id)}:${recording.recordingId ?? recording.recordingUrl}`,
      now,
    }),
  ];
}
