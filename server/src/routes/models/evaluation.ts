import { createRoute, z } from "@hono/zod-openapi";
import { evaluate, STARTER_EXAMPLES, splitByIndex, trainSubjects } from "@ringtrail/core/intel";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { EvaluationQuerySchema, EvaluationSchema } from "./schemas";
import { accountExamples } from "./subject";

const route = createRoute({
  method: "get",
  path: "/v1/models/{id}/evaluation",
  tags: ["Models"],
  summary: "A model's accuracy on a held-out share of the labelled examples",
  description:
    "Trains a fresh copy of the model on the account's labelled examples minus a deterministic held-out share (every `holdout_every`-th by creation order) and reports accuracy and precision, recall and F1 per subject on the rest. An account without examples is evaluated on the shipped starter set. Only the subject classifier learns from labelled examples; the other models answer 409.",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: EvaluationQuerySchema,
  },
  responses: {
    200: {
      description: "Evaluation",
      content: { "application/json": { schema: EvaluationSchema } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

const KNOWN = new Set(["subject", "sentiment", "intent_rules", "spam"]);

export function registerModelEvaluation(app: App, services: Services) {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    if (!KNOWN.has(id)) throw new ApiError("not_found", "No such model");
    if (id !== "subject") {
      throw new ApiError("conflict", `${id} has no labelled examples to be evaluated on`);
    }
    const own = await accountExamples(services, c.get("auth").accountId);
    const source: "account" | "starter" = own.length > 0 ? "account" : "starter";
    const { train, heldOut } = splitByIndex(
      own.length > 0 ? own : STARTER_EXAMPLES,
      c.req.valid("query").holdout_every,
    );
    if (heldOut.length === 0 || new Set(train.map((e) => e.subject)).size < 2) {
      throw new ApiError("conflict", "Too few labelled examples to hold some out");
    }
    const result = evaluate(trainSubjects(train), heldOut);
    return c.json(
      {
        model: "subject" as const,
        source,
        trained_on: train.length,
        held_out: heldOut.length,
        accuracy: result.accuracy,
        macro_f1: result.macroF1,
        subjects: result.subjects,
        confusion: result.confusion,
      },
      200,
    );
  });
}
