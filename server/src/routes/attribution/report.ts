import { createRoute } from "@hono/zod-openapi";
import { DEFAULT_LOOKBACK_MS, NO_VALUE } from "@ringtrail/core/models";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { toCsv } from "./csv";
import { type GroupBy, type Report, ReportQuerySchema, ReportSchema } from "./schemas";

const COLUMN: Readonly<Record<GroupBy, string>> = {
  channel: "a.channel",
  source: `coalesce(a.source, '${NO_VALUE}')`,
  campaign: `coalesce(a.campaign, '${NO_VALUE}')`,
  landing_page: `coalesce(a.landing_path, '${NO_VALUE}')`,
};

const route = createRoute({
  method: "get",
  path: "/v1/attribution",
  tags: ["Attribution"],
  summary: "Credited calls per channel, source, campaign or landing page",
  description:
    "Sums each call's credit under `model` per group, over the account's calls started in [from, to), leaving out calls from its test numbers. A call's credit sums to the probability that a tracked session produced it; the rest is `unattributed`. With `Accept: text/csv` the rows come as RFC 4180 CSV (header row `<group_by>,calls`).",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: { query: ReportQuerySchema },
  responses: {
    200: {
      description: "Report",
      content: {
        "application/json": { schema: ReportSchema },
        "text/csv": { schema: { type: "string" } },
      },
    },
    ...errorResponses(400, 401),
  },
});

/** True when the client asks for CSV before JSON. */
function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(",").map((t) => t.split(";")[0]!.trim().toLowerCase());
  const csv = types.indexOf("text/csv");
  const json = types.indexOf("application/json");
  return csv !== -1 && (json === -1 || csv < json);
}

export function registerAttributionReport(app: App, services: Services) {
  const { reads } = services.database;
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const q = c.req.valid("query");
    const to = q.to ? Date.parse(q.to) : services.now();
    const from = q.from ? Date.parse(q.from) : to - DEFAULT_LOOKBACK_MS;
    if (from > to) throw new ApiError("validation_failed", "`from` is after `to`");
    const [groups, totals] = await Promise.all([
      reads.execute({
        sql: `SELECT ${COLUMN[q.group_by]} AS key, sum(a.weight) AS calls
          FROM calls c JOIN attributions a ON a.call_id = c.id AND a.model = ?
          WHERE c.account_id = ? AND c.started_at >= ? AND c.started_at < ? AND c.is_test = 0
          GROUP BY 1 ORDER BY 2 DESC, 1`,
        args: [q.model, accountId, from, to],
      }),
      reads.execute({
        sql: `SELECT count(*) AS total, coalesce(sum(coalesce(unattributed, 1)), 0) AS unattributed
          FROM calls WHERE account_id = ? AND started_at >= ? AND started_at < ? AND is_test = 0`,
        args: [accountId, from, to],
      }),
    ]);
    const rows = groups.rows.map((r) => ({ key: String(r.key), calls: Number(r.calls) }));
    if (wantsCsv(c.req.header("accept"))) {
      const csv = toCsv(
        [q.group_by, "calls"],
        rows.map((r) => [r.key, r.calls]),
      );
      return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
    }
    const body: Report = {
      model: q.model,
      group_by: q.group_by,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      rows,
      unattributed: Number(totals.rows[0]?.unattributed ?? 0),
      total_calls: Number(totals.rows[0]?.total ?? 0),
    };
    return c.json(body, 200);
  });
}
