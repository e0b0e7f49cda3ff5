import { createRoute, z } from "@hono/zod-openapi";
import { poolAudit } from "@ringtrail/db";
import { and, desc, eq, or } from "drizzle-orm";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import { AuditSchema } from "./optimizer-schemas";
import { findPool } from "./store";

const route = createRoute({
  method: "get",
  path: "/v1/pools/{id}/audit",
  tags: ["Pools"],
  summary: "Changes the optimizer and the quarantine clock made to a pool's numbers, newest first",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: { description: "Audit log", content: { "application/json": { schema: AuditSchema } } },
    ...errorResponses(401, 404),
  },
});

export function registerPoolAudit(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const pool = await findPool(services, accountId, c.req.valid("param").id);
    const rows = await services.database.db
      .select()
      .from(poolAudit)
      .where(
        and(
          eq(poolAudit.accountId, accountId),
          or(eq(poolAudit.fromPoolId, pool.id), eq(poolAudit.toPoolId, pool.id)),
        ),
      )
      .orderBy(desc(poolAudit.at), desc(poolAudit.id))
      .limit(1000);
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          number: r.numberId,
          action: r.action,
          from_pool: r.fromPoolId,
          to_pool: r.toPoolId,
          reason: r.reason,
          key: r.keyId,
          at: iso(r.at)!,
        })),
      },
      200,
    );
  });
}
