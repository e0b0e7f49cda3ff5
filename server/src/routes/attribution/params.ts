import { createRoute } from "@hono/zod-openapi";
import { MATCH_PARAMS_SQL, matcherChoice, matcherInUse } from "../../attribution/params-cache";
import type { App, Services } from "../../context";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { type MatchParamsState, MatchParamsStateSchema, PutMatchParamsSchema } from "./schemas";

const get = createRoute({
  method: "get",
  path: "/v1/attribution/params",
  tags: ["Attribution"],
  summary: "Which match parameters the account's calls use",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "The parameters in use and the latest estimate",
      content: { "application/json": { schema: MatchParamsStateSchema } },
    },
    ...errorResponses(401),
  },
});

const put = createRoute({
  method: "put",
  path: "/v1/attribution/params",
  tags: ["Attribution"],
  summary: "Match calls automatically, or pin the FS defaults, the FS estimate or the rate model",
  description:
    "EM re-estimates both matchers every 50 ended calls whatever is chosen; this chooses which one later calls are matched with. Calls already matched keep their answers.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: PutMatchParamsSchema } }, required: true },
  },
  responses: {
    200: {
      description: "The new state",
      content: { "application/json": { schema: MatchParamsStateSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

async function readState(services: Services, accountId: string): Promise<MatchParamsState> {
  const { rows } = await services.database.client.execute({
    sql: MATCH_PARAMS_SQL,
    args: [accountId],
  });
  const row = rows[0];
  return {
    use: matcherChoice(row),
    in_use: matcherInUse(row),
    estimate:
      row && row.params !== null
        ? {
            calls_used: Number(row.calls_used),
            log_likelihood: row.log_likelihood === null ? null : Number(row.log_likelihood),
            estimated_at: new Date(Number(row.updated_at)).toISOString(),
          }
        : null,
    rates:
      row && row.rates !== null
        ? {
            calls_used: Number(row.rates_calls_used),
            estimated_at: new Date(Number(row.rates_estimated_at)).toISOString(),
            rates: JSON.parse(String(row.rates)),
          }
        : null,
  };
}

export function registerMatchParams(app: App, services: Services) {
  app.openapi(get, async (c) => c.json(await readState(services, c.get("auth").accountId), 200));

  app.openapi(put, async (c) => {
    const { accountId } = c.get("auth");
    const { use } = c.req.valid("json");
    // The row may not exist yet (no call has ended); `params` and `rates` NULL mean no
    // estimate yet, which matcherInUse resolves.
    await services.database.client.execute({
      sql: `INSERT INTO match_params (account_id, params, calls_used, ended_calls, matcher, updated_at)
        VALUES (?, NULL, 0, 0, ?, ?)
        ON CONFLICT (account_id) DO UPDATE SET matcher = excluded.matcher`,
      args: [accountId, use, services.now()],
    });
    return c.json(await readState(services, accountId), 200);
  });
}
