import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import {
  customerStateSourceError,
  loadCustomerStateSource,
  saveCustomerStateSource,
} from "../../intel/customer-state";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";

const SourceSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("table"), table: z.string().min(1).max(64) }).strict(),
    z
      .object({
        kind: z.literal("http"),
        url: z.string().min(1).max(2000).openapi({
          example: "https://crm.example.com/devices?customer={customer}",
          description: "`{customer}` becomes the customer's phone (E.164), else email",
        }),
        timeout_ms: z.number().int().min(100).max(5000).default(1500),
        ttl_s: z.number().int().min(0).max(86_400).default(60),
      })
      .strict(),
  ])
  .openapi("CustomerStateSource");

const Body = z.object({ source: SourceSchema.nullable() }).openapi("CustomerStateSourceSetting");

const path = "/v1/customer-state-source";
const base = { tags: ["Interactions"], security: [{ bearer: [] }], path };

const put = createRoute({
  ...base,
  method: "put",
  summary: "Set where a customer's device or account state comes from",
  description:
    "A lookup table (`PUT /v1/tables/{name}/rows/{customer}`) or an allow-listed JSON GET, as in call flows. Each interaction carries the state in `context.customer_state`, and intent rules read it as `customer.state`. `null` removes it.",
  middleware: [requireKey("admin")] as const,
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    200: { description: "Saved", content: { "application/json": { schema: Body } } },
    ...errorResponses(400, 401, 403),
  },
});

const get = createRoute({
  ...base,
  method: "get",
  summary: "Where a customer's state comes from",
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Setting", content: { "application/json": { schema: Body } } },
    ...errorResponses(401),
  },
});

export function registerCustomerStateSource(app: App, services: Services) {
  app.openapi(put, async (c) => {
    const { accountId } = c.get("auth");
    const { source } = c.req.valid("json");
    if (source !== null) {
      const error = await customerStateSourceError(services, accountId, source);
      if (error) throw new ApiError("validation_failed", error);
    }
    await services.writer.write([saveCustomerStateSource(accountId, source, services.now())]);
    return c.json({ source }, 200);
  });

  app.openapi(get, async (c) => {
    return c.json(
      { source: await loadCustomerStateSource(services, c.get("auth").accountId) },
      200,
    );
  });
}
