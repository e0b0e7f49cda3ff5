import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import { ExplainSchema, type Explanation } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/v1/calls/{id}/explain",
  tags: ["Calls"],
  summary: "Explain a call's matching",
  description:
    "Every candidate of the call's latest matching with each feature's agreement level and its log2(m/u) contribution (they sum to the candidate's match weight), the match parameters (the documented defaults, the account's EM estimate with the calls it used, or the rate model's rates), and the probability that no candidate produced the call. A source pool's candidate has no features: it shares the no-session outcome by its prior.",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: {
      description: "Explanation",
      content: { "application/json": { schema: ExplainSchema } },
    },
    ...errorResponses(401, 404),
  },
});

export function registerExplainCall(app: App, services: Services) {
  const { reads } = services.database;
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const id = c.req.valid("param").id;
    const found = await reads.execute({
      sql: "SELECT id, match_phase, unattributed, match_params_at FROM calls WHERE id = ? AND account_id = ?",
      args: [id, accountId],
    });
    const call = found.rows[0];
    if (!call) throw new ApiError("not_found", "No such call");
    const phase = call.match_phase === null ? null : (String(call.match_phase) as "start" | "end");
    const { rows } = await reads.execute({
      sql: `SELECT session_id, probability, weight, levels, delay_ms, contributions FROM call_matches
        WHERE call_id = ? AND phase = ? ORDER BY probability DESC, session_id`,
      args: [id, phase ?? ""],
    });
    const params = await services.matcher.params.get(accountId);
    const usedAt = call.match_params_at === null ? null : Number(call.match_params_at);
    const body: Explanation = {
      call: id,
      phase,
      none: call.unattributed === null ? null : Number(call.unattributed),
      params: {
        source: params.source,
        calls_used: params.callsUsed,
        estimated_at: iso(params.updatedAt),
        current: usedAt === params.updatedAt,
        none: params.params.none,
        rates: params.rates,
        features: params.params.features as Explanation["params"]["features"],
      },
      candidates: rows.map((row) => ({
        session: String(row.session_id),
        kind: row.levels === null ? "source_pool" : "session",
        probability: Number(row.probability),
        weight: Number(row.weight),
        delay_s: row.delay_ms === null ? null : Number(row.delay_ms) / 1000,
        contributions: JSON.parse(String(row.contributions)),
      })),
    };
    return c.json(body, 200);
  });
}
