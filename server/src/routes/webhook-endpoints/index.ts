import { createRoute } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import type { WebhookEndpointView } from "../../outbound/endpoint-store";
import { errorResponses } from "../openapi-errors";
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointSchema,
  EndpointIdParams,
  WebhookEndpointListSchema,
} from "./schemas";

const SIGNING =
  'Every delivery is a POST of `{"type","timestamp","data"}` signed the Standard Webhooks way: headers `webhook-id` (the same on retries: drop duplicates by it), `webhook-timestamp` (seconds) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` under the secret\'s base64 bytes); verify with any Standard Webhooks or Svix library. A non-2xx answer or a timeout (10 s) is retried with exponential backoff.';

const create = createRoute({
  method: "post",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "Subscribe an endpoint to events",
  description: SIGNING,
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: {
      content: { "application/json": { schema: CreateWebhookEndpointSchema } },
      required: true,
    },
  },
  responses: {
    201: {
      description: "The endpoint, with its signing secret (shown only here)",
      content: { "application/json": { schema: CreatedWebhookEndpointSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/webhook-endpoints",
  tags: ["Webhooks"],
  summary: "List webhook endpoints",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "Endpoints (without secrets)",
      content: { "application/json": { schema: WebhookEndpointListSchema } },
    },
    ...errorResponses(401),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/webhook-endpoints/{id}",
  tags: ["Webhooks"],
  summary: "Delete a webhook endpoint",
  description: "Deliveries still queued for it are dropped.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: { params: EndpointIdParams },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses(401, 403, 404),
  },
});

const render = (e: WebhookEndpointView) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  created_at: new Date(e.createdAt).toISOString(),
});

export function registerWebhookEndpoints(app: App, services: Services) {
  app.openapi(create, async (c) => {
    const { url, events } = c.req.valid("json");
    const made = await services.webhookEndpoints.create(
      c.get("auth").accountId,
      url,
      [...new Set(events)],
      services.now(),
    );
    return c.json({ ...render(made), secret: made.secret }, 201);
  });

  app.openapi(list, async (c) => {
    const data = await services.webhookEndpoints.list(c.get("auth").accountId);
    return c.json({ data: data.map(render) }, 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await services.webhookEndpoints.remove(c.get("auth").accountId, id))) {
      throw new ApiError("not_found", "No such webhook endpoint");
    }
    return c.body(null, 204);
  });
}
