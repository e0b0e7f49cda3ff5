import { createRoute } from "@hono/zod-openapi";
import { compileRules } from "@ringtrail/core/intel";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { saveModelStatement } from "../../intel/registry";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { ModelListSchema, ModelSchema, PutRulesSchema } from "./schemas";
import { describeModels } from "./store";

const list = createRoute({
  method: "get",
  path: "/v1/models",
  tags: ["Models"],
  summary: "The account's model registry",
  description:
    "Every model with the channels and inputs it handles and the account's state for it (the trained subject classifier, the CEL rules).",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: { description: "Models", content: { "application/json": { schema: ModelListSchema } } },
    ...errorResponses(401),
  },
});

const putRules = createRoute({
  method: "put",
  path: "/v1/models/intent_rules",
  tags: ["Models"],
  summary: "Replace the account's intent and urgency rules (CEL)",
  description:
    "Each rule is a CEL condition over `text` (lowercased), `channel`, `subject`, `sentiment`, `metadata` and `customer.interactions`, setting an `intent`, an `urgency` or both. Rules are parsed and type-checked on save; the first holding rule wins each.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: PutRulesSchema } }, required: true },
  },
  responses: {
    200: { description: "Saved", content: { "application/json": { schema: ModelSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export function registerModelRegistry(app: App, services: Services) {
  app.openapi(list, async (c) => {
    return c.json({ data: await describeModels(services, c.get("auth").accountId) }, 200);
  });

  app.openapi(putRules, async (c) => {
    const { accountId } = c.get("auth");
    const { rules } = c.req.valid("json");
    const names = new Set(rules.map((r) => r.name));
    if (names.size !== rules.length)
      throw new ApiError("validation_failed", "Rule names must be unique");
    const compiled = compileRules(rules);
    if (!compiled.ok) throw new ApiError("validation_failed", compiled.message);
    await services.writer.write([
      saveModelStatement(accountId, "intent_rules", { rules }, services.now()),
    ]);
    const described = await describeModels(services, accountId);
    return c.json(described.find((m) => m.id === "intent_rules")!, 200);
  });
}
