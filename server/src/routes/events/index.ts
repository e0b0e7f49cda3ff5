import { createRoute, z } from "@hono/zod-openapi";
import { type CampaignEventRow, campaignEvents, newId } from "@ringtrail/db";
import { desc, eq } from "drizzle-orm";
import { campaignJobStatement } from "../../campaigns/index";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import { registerAudienceCsv } from "./audience-csv";
import { CreateEventSchema, EventListSchema, EventSchema } from "./schemas";
import { findEvent, smsSender } from "./store";

const base = { tags: ["Events"], security: [{ bearer: [] }] };

const create = createRoute({
  ...base,
  method: "post",
  path: "/v1/events",
  summary: "Declare an event that affects customers in an area",
  description:
    "Ringtrail finds the affected customers (interactions' customers with their place and attributes, callers by carrier region and ZIP and by their matched session's geo-IP) and runs the actions as a durable job with progress: `audience_export` (hashed CSV for Google and Meta), `webhook` (one signed `event.audience_batch` per batch of customers), `sms` (through the account's carrier, from one of its numbers, to customers with a phone; consent is the account's responsibility: filter on an attribute that records it), `flag` (call flows read `event.active`).",
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: CreateEventSchema } }, required: true },
  },
  responses: {
    201: { description: "Queued", content: { "application/json": { schema: EventSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const list = createRoute({
  ...base,
  method: "get",
  path: "/v1/events",
  summary: "List events, newest first",
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Events", content: { "application/json": { schema: EventListSchema } } },
    ...errorResponses(401),
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/v1/events/{id}",
  summary: "Get an event with its progress",
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Event", content: { "application/json": { schema: EventSchema } } },
    ...errorResponses(401, 404),
  },
});

function render(e: CampaignEventRow): z.infer<typeof EventSchema> {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    starts_at: iso(e.startsAt)!,
    ends_at: iso(e.endsAt)!,
    area: e.area,
    filters: e.filters,
    actions: e.actions,
    sms: e.sms,
    batch_size: e.batchSize,
    status: e.status,
    progress: { total: e.total, processed: e.processed, batches: e.batches },
    matched_by: e.matchedBy,
    created_at: iso(e.createdAt)!,
  };
}

export function registerEvents(app: App, services: Services) {
  app.openapi(create, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    const startsAt = Date.parse(body.starts_at);
    const endsAt = Date.parse(body.ends_at);
    if (!(endsAt > startsAt))
      throw new ApiError("validation_failed", "ends_at must be after starts_at");
    const sms = await smsSender(services, accountId, body);
    const now = services.now();
    const id = newId("cev", now);
    const actions = [...new Set(body.actions)];
    await services.writer.write([
      {
        sql: `INSERT INTO campaign_events (id, account_id, kind, name, starts_at, ends_at, area, filters, actions,
            sms, status, processed, batches, batch_size, notes, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, 0, ?, '[]', ?, ?)`,
        args: [
          id,
          accountId,
          body.kind,
          body.name ?? null,
          startsAt,
          endsAt,
          JSON.stringify(body.area),
          JSON.stringify(body.filters),
          JSON.stringify(actions),
          sms === null ? null : JSON.stringify(sms),
          body.batch_size,
          now,
          now,
        ],
      },
      campaignJobStatement(id, accountId, 0, now),
    ]);
    return c.json(render(await findEvent(services, accountId, id)), 201);
  });

  app.openapi(list, async (c) => {
    const rows = await services.database.db
      .select()
      .from(campaignEvents)
      .where(eq(campaignEvents.accountId, c.get("auth").accountId))
      .orderBy(desc(campaignEvents.createdAt), desc(campaignEvents.id))
      .limit(200);
    return c.json({ data: rows.map(render) }, 200);
  });

  app.openapi(get, async (c) => {
    return c.json(
      render(await findEvent(services, c.get("auth").accountId, c.req.valid("param").id)),
      200,
    );
  });

  registerAudienceCsv(app, services);
}
