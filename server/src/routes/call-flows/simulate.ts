import { createRoute, z } from "@hono/zod-openapi";
import { neededSources, runFlow } from "@ringtrail/core/flow";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { SimulateSchema, SimulationSchema } from "./schemas";
import { simulationData } from "./simulate-data";
import { findFlow, findVersion, flowInvalid, flowOptions, validate } from "./store";

const route = createRoute({
  method: "post",
  path: "/v1/call-flows/{id}/simulate",
  tags: ["Call flows"],
  summary: "Run a version over a hypothetical call and return its decision and trace",
  description:
    "Nobody is called and nothing is fetched: http sources take the request's data or their fallback.",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    body: { content: { "application/json": { schema: SimulateSchema } }, required: true },
  },
  responses: {
    200: {
      description: "Simulation",
      content: { "application/json": { schema: SimulationSchema } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

export function registerSimulateFlow(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { accountId } = c.get("auth");
    const body = c.req.valid("json");
    if (!isTimeZone(body.time_zone)) {
      throw new ApiError("validation_failed", `Unknown time zone "${body.time_zone}"`);
    }
    const flow = await findFlow(services, accountId, c.req.valid("param").id);
    const version = await findVersion(
      services,
      flow.id,
      body.version ?? flow.activeVersion ?? undefined,
    );
    const result = validate(version.document, await flowOptions(services, accountId));
    if (!result.ok) throw flowInvalid(version);
    const needed = neededSources(result.flow);
    const data = await simulationData(services, accountId, result.flow, needed, body);
    const { decision, trace } = runFlow(result.flow, data, {
      now: new Date(body.at),
      digits: body.digits,
      speech: body.speech,
    });
    return c.json(
      {
        version: version.version,
        needed_sources: needed,
        decision: decision as unknown as Record<string, unknown>,
        trace,
      },
      200,
    );
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
