import type { InStatement } from "@libsql/client";
import {
  affectedCustomers,
  type EventArea,
  hashAudienceMember,
  renderTemplate,
} from "@ringtrail/core/intel";
import type { Services } from "../context";
import { enqueueStatement } from "../jobs/queue";
import { type JobHandler, PermanentJobError } from "../jobs/worker";
import { SMS_JOB, type SmsJobPayload } from "../messaging/sms-job";
import { outboundWebhookStatement } from "../outbound/index";
import { knownCustomers } from "./customers";

export const CAMPAIGN_JOB = "campaign_event_run";

export interface CampaignRunOptions {
  /** Batches handled per job run before the run hands over to a fresh job (default 20). */
  batchesPerRun?: number;
}

/** The job that runs an event's actions; keyed by the checkpoint it starts from. */
export function campaignJobStatement(
  eventId: string,
  accountId: string,
  from: number,
  now: number,
) {
  return enqueueStatement({
    kind: CAMPAIGN_JOB,
    key: `${CAMPAIGN_JOB}:${eventId}:${from}`,
    payload: { event_id: eventId, account_id: accountId },
    now,
  });
}

interface EventState {
  kind: string;
  name: string | null;
  sms: { from: string; carrier: string; body: string } | null;
  batches: number;
  area: EventArea;
  filters: Record<string, string | number | boolean>;
  actions: string[];
  status: string;
  total: number | null;
  processed: number;
  batchSize: number;
}

/**
 * Runs an event in two durable steps. First the audience is snapshot: the affected customers
 * get sequence numbers in one batch with the total. Then batches of the snapshot are handled
 * in order, each in one write with the checkpoint (`processed`), so a run that dies resumes at
 * the first unhandled batch and no batch is handled twice. A run handles `batchesPerRun`
 * batches, then queues its successor, so one long event does not hold a worker slot for hours.
 */
export function campaignRunJob(services: Services, options: CampaignRunOptions = {}): JobHandler {
  const { client } = services.database;
  const batchesPerRun = options.batchesPerRun ?? 20;
  return async function campaignRun(job) {
    const eventId = job.payload.event_id;
    const accountId = job.payload.account_id;
    if (typeof eventId !== "string" || typeof accountId !== "string") {
      throw new PermanentJobError("payload needs event_id and account_id");
    }
    let event = await loadEvent(services, eventId, accountId);
    if (event.status === "done" || event.status === "failed") return;
    if (event.total === null) {
      await snapshot(services, eventId, accountId, event);
      event = await loadEvent(services, eventId, accountId);
    }
    for (let n = 0; n < batchesPerRun; n++) {
      const { rows } = await client.execute({
        sql: `SELECT seq, customer_key, phone, email, reasons FROM campaign_audience
          WHERE event_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
        args: [eventId, event.processed, event.batchSize],
      });
      const now = services.now();
      if (rows.length === 0) {
        await client.execute({
          sql: "UPDATE campaign_events SET status = 'done', updated_at = ? WHERE id = ?",
          args: [now, eventId],
        });
        return;
      }
      const stmts: InStatement[] = [];
      for (const r of rows) {
        const member = {
          phone: r.phone === null ? null : String(r.phone),
          email: r.email === null ? null : String(r.email),
        };
        const [google, meta] = await Promise.all([
          hashAudienceMember(member, "google"),
          hashAudienceMember(member, "meta"),
        ]);
        stmts.push({
          sql: `UPDATE campaign_audience SET email_google = ?, phone_google = ?, email_meta = ?, phone_meta = ?,
              processed_at = ? WHERE event_id = ? AND seq = ?`,
          args: [google.email, google.phone, meta.email, meta.phone, now, eventId, Number(r.seq)],
        });
      }
      const next = Number(rows.at(-1)?.seq);
      if (event.actions.includes("sms") && event.sms !== null) {
        stmts.push(
          ...smsStatements(
            eventId,
            accountId,
            event,
            rows.map((r) => ({
              seq: Number(r.seq),
              phone: r.phone === null ? null : String(r.phone),
            })),
            now,
          ),
        );
      }
      if (event.actions.includes("webhook")) {
        const batch = event.batches + 1;
        stmts.push(
          outboundWebhookStatement({
            accountId,
            event: "event.audience_batch",
            data: {
              event_id: eventId,
              kind: event.kind,
              batch,
              total: event.total,
              customers: rows.map((r) => ({
                customer: String(r.customer_key),
                phone: r.phone === null ? null : String(r.phone),
                email: r.email === null ? null : String(r.email),
                reasons: JSON.parse(String(r.reasons)) as string[],
              })),
            },
            key: `event.audience_batch:${eventId}:${batch}`,
            now,
          }),
        );
      }
      const last = rows.length < event.batchSize;
      // The guard on `processed` makes a second worker's copy of this batch change nothing.
      stmts.push({
        sql: `UPDATE campaign_events SET processed = ?, batches = batches + 1, status = ?, updated_at = ?
          WHERE id = ? AND processed = ?`,
        args: [next, last ? "done" : "running", now, eventId, event.processed],
      });
      if (!last && n === batchesPerRun - 1) {
        stmts.push(campaignJobStatement(eventId, accountId, next, now));
      }
      await services.writer.write(stmts);
      event = { ...event, processed: next, batches: event.batches + 1 };
      if (last) return;
    }
  };
}

async function loadEvent(
  services: Services,
  eventId: string,
  accountId: string,
): Promise<EventState> {
  const { rows } = await services.database.client.execute({
    sql: `SELECT kind, name, sms, batches, area, filters, actions, status, total, processed, batch_size FROM campaign_events
      WHERE id = ? AND account_id = ?`,
    args: [eventId, accountId],
  });
  const r = rows[0];
  if (!r) throw new PermanentJobError(`no event ${eventId}`);
  return {
    kind: String(r.kind),
    name: r.name === null ? null : String(r.name),
    sms: r.sms === null ? null : JSON.parse(String(r.sms)),
    batches: Number(r.batches),
    area: JSON.parse(String(r.area)) as EventArea,
    filters: JSON.parse(String(r.filters)),
    actions: JSON.parse(String(r.actions)),
    status: String(r.status),
    total: r.total === null ? null : Number(r.total),
    processed: Number(r.processed),
    batchSize: Number(r.batch_size),
  };
}

/** Matches per criterion type, from the reasons ("region:US-TX" counts as "region"). */
function countByType(reasons: readonly string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const list of reasons) {
    for (const type of new Set(list.map((r) => r.split(":")[0] as string))) {
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

const CHUNK = 200;

async function snapshot(services: Services, eventId: string, accountId: string, event: EventState) {
  const customers = await knownCustomers(services.database.client, accountId);
  const matches = affectedCustomers({ area: event.area, filters: event.filters }, customers);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const now = services.now();
  const stmts: InStatement[] = [];
  for (let i = 0; i < matches.length; i += CHUNK) {
    const chunk = matches.slice(i, i + CHUNK);
    stmts.push({
      sql: `INSERT INTO campaign_audience (event_id, seq, account_id, customer_key, phone, email, reasons) VALUES ${chunk
        .map(() => "(?, ?, ?, ?, ?, ?, ?)")
        .join(", ")}`,
      args: chunk.flatMap((m, j) => [
        eventId,
        i + j + 1,
        accountId,
        m.id,
        byId.get(m.id)?.phone ?? null,
        byId.get(m.id)?.email ?? null,
        JSON.stringify(m.reasons),
      ]),
    });
  }
  // Only the first snapshot counts: a second worker racing here finds total set and its
  // inserts collide on (event_id, seq), failing its whole batch.
  stmts.unshift({
    sql: `UPDATE campaign_events SET total = ?, matched_by = ?, status = 'running', updated_at = ?
      WHERE id = ? AND total IS NULL`,
    args: [
      matches.length,
      JSON.stringify(countByType(matches.map((m) => m.reasons))),
      now,
      eventId,
    ],
  });
  await services.writer.write(stmts);
}

interface AudienceRow {
  seq: number;
  phone: string | null;
}

/** One queued SMS per customer with a phone; keyed by audience row, so a batch queues once. */
function smsStatements(
  eventId: string,
  accountId: string,
  event: EventState,
  rows: readonly AudienceRow[],
  now: number,
): InStatement[] {
  const sms = event.sms as NonNullable<EventState["sms"]>;
  const body = renderTemplate(sms.body, { kind: event.kind, name: event.name ?? event.kind });
  return rows
    .filter((r) => r.phone !== null)
    .map((r) => {
      const payload: SmsJobPayload = {
        account_id: accountId,
        carrier: sms.carrier as SmsJobPayload["carrier"],
        from: sms.from,
        to: String(r.phone),
        body,
        request_id: null,
      };
      return enqueueStatement({
        kind: SMS_JOB,
        key: `event.sms:${eventId}:${Number(r.seq)}`,
        payload: { ...payload },
        now,
      });
    });
}
