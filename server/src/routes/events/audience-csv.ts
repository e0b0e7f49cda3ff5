import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { AudienceQuerySchema } from "./schemas";
import { findEvent } from "./store";

const route = createRoute({
  method: "get",
  path: "/v1/events/{id}/audience.csv",
  tags: ["Events"],
  summary: "The event's audience as a hashed CSV for an ad platform",
  description:
    "One row per affected customer handled so far, phone and email normalised as the platform asks (Google: E.164 with +, gmail dots removed; Meta: digits only) and SHA-256 hashed. Headers are the platform's upload columns: `Email,Phone` (Google Customer Match) or `email,phone` (Meta).",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }), query: AudienceQuerySchema },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(401, 404, 409),
  },
});

export function registerAudienceCsv(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const event = await findEvent(services, accountId, c.req.valid("param").id);
    if (!event.actions.includes("audience_export")) {
      throw new ApiError("conflict", "This event does not export an audience");
    }
    const { platform } = c.req.valid("query");
    const [email, phone] =
      platform === "google" ? ["email_google", "phone_google"] : ["email_meta", "phone_meta"];
    const { rows } = await services.database.client.execute({
      sql: `SELECT ${email} AS email, ${phone} AS phone FROM campaign_audience
        WHERE event_id = ? AND account_id = ? AND processed_at IS NOT NULL ORDER BY seq`,
      args: [event.id, accountId],
    });
    const header = platform === "google" ? "Email,Phone" : "email,phone";
    const lines = rows.map((r) => `${r.email ?? ""},${r.phone ?? ""}`);
    return c.body([header, ...lines, ""].join("\n"), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${event.id}-${platform}.csv"`,
    });
  });
}
