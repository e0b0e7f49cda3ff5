import { createRoute } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { SpecialistsBodySchema, SpecialistsSchema, SubjectParam } from "./schemas";

const route = createRoute({
  method: "put",
  path: "/v1/models/subject/specialists/{subject}",
  tags: ["Models"],
  summary: "Set the specialists an interaction of this subject routes to",
  description:
    "The routing target of an interaction is the first of these agents on duty for its response medium.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: SubjectParam,
    body: { content: { "application/json": { schema: SpecialistsSchema } }, required: true },
  },
  responses: {
    200: {
      description: "Saved",
      content: { "application/json": { schema: SpecialistsBodySchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerSpecialists(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const { subject } = c.req.valid("param");
    const agents = [...new Set(c.req.valid("json").agents)];
    if (agents.length > 0) {
      const { rows } = await services.database.client.execute({
        sql: `SELECT count(*) AS n FROM agents WHERE account_id = ? AND id IN (${agents.map(() => "?").join(", ")})`,
        args: [accountId, ...agents],
      });
      if (Number(rows[0]?.n) !== agents.length) throw new ApiError("not_found", "No such agent");
    }
    await services.writer.write([
      {
        sql: `INSERT INTO subject_specialists (account_id, subject, agent_ids, updated_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (account_id, subject) DO UPDATE SET agent_ids = excluded.agent_ids, updated_at = excluded.updated_at`,
        args: [accountId, subject, JSON.stringify(agents), services.now()],
      },
    ]);
    return c.json({ subject, agents }, 200);
  });
}
