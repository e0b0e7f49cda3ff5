import { createRoute } from "@hono/zod-openapi";
import type { InStatement } from "@libsql/client";
import type { ChannelType } from "@ringtrail/core/flow";
import { newId, type RoutedRequest } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { enqueueStatement } from "../../jobs/queue";
import { SMS_JOB, type SmsJobPayload } from "../../messaging/sms-job";
import { requireKey } from "../../middleware/api-key";
import { outboundWebhookStatement } from "../../outbound/index";
import { accountSchedule } from "../../sources/schedule";
import { errorResponses } from "../openapi-errors";
import { CreateRequestSchema, RequestSchema } from "./schemas";
import { renderRequest } from "./store";

/** An SMS segment budget: long forwards are cut rather than sent as dozens of parts. */
const SMS_MAX_CHARS = 1000;

const route = createRoute({
  method: "post",
  path: "/v1/requests",
  tags: ["Requests"],
  summary: "Route a request from another channel to the agent on duty",
  description:
    "Finds who is on duty for the channel type (a web form counts as email) and forwards the request with that agent's contact: SMS through the carrier's messaging API (a durable job), email and chat as a signed `request.routed` outbound webhook. The routing is recorded and returned; nobody on duty records it as `unrouted`.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateRequestSchema } }, required: true },
  },
  responses: {
    201: { description: "Routed", content: { "application/json": { schema: RequestSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export function registerCreateRequest(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const now = services.now();
    const channelType: ChannelType = body.channel === "web_form" ? "email" : body.channel;
    const sender = channelType === "sms" ? await smsSender(services, accountId, body.number) : null;
    const schedule = await accountSchedule(services, accountId, new Date(now));
    const agent = schedule.on_duty[channelType][0];
    const row: RoutedRequest = {
      id: newId("inq", now),
      accountId,
      channel: body.channel,
      channelType,
      sender: body.from,
      body: body.body,
      agentId: agent?.agent_id ?? null,
      contact: agent?.contact ?? null,
      status: agent ? "queued" : "unrouted",
      createdAt: now,
    };
    const stmts: InStatement[] = [
      {
        sql: `INSERT INTO routed_requests (id, account_id, channel, channel_type, sender, body, agent_id,
            contact, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          row.id,
          accountId,
          row.channel,
          channelType,
          row.sender,
          row.body,
          row.agentId,
          row.contact,
          row.status,
          now,
        ],
      },
    ];
    if (agent && sender) {
      const payload: SmsJobPayload = {
        account_id: accountId,
        carrier: sender.carrier,
        from: sender.number,
        to: agent.contact,
        body: `New ${body.channel} request from ${body.from}: ${body.body}`.slice(0, SMS_MAX_CHARS),
        request_id: row.id,
      };
      stmts.push(
        enqueueStatement({ kind: SMS_JOB, key: `sms:${row.id}`, payload: { ...payload }, now }),
      );
    } else if (agent) {
      stmts.push(
        outboundWebhookStatement({
          accountId,
          event: "request.routed",
          data: renderRequest(row),
          key: row.id,
          now,
        }),
      );
    }
    await services.writer.write(stmts);
    return c.json(renderRequest(row), 201);
  });
}

/** The account's number an SMS forward is sent from: the one named, else its first active one. */
async function smsSender(services: Services, accountId: string, number: string | undefined) {
  const res = await services.database.reads.execute({
    sql: `SELECT e164, carrier FROM numbers WHERE account_id = ? AND status = 'active'
      AND carrier IN ('twilio', 'telnyx') ${number ? "AND e164 = ?" : ""} ORDER BY created_at, id LIMIT 1`,
    args: number ? [accountId, number] : [accountId],
  });
  const row = res.rows[0];
  if (!row) {
    if (number) throw new ApiError("not_found", "No such active number to send from");
    throw new ApiError(
      "conflict",
      "The account has no active Twilio or Telnyx number to send SMS from",
    );
  }
  return { number: String(row.e164), carrier: String(row.carrier) as "twilio" | "telnyx" };
}
