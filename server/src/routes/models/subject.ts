import { createRoute } from "@hono/zod-openapi";
import { type LabelledExample, STARTER_EXAMPLES, trainSubjects } from "@ringtrail/core/intel";
import { newId } from "@ringtrail/db";
import type { App, Services } from "../../context";
import { ApiError } from "../../errors";
import { saveModelStatement } from "../../intel/registry";
import { requireKey } from "../../middleware/api-key";
import { errorResponses } from "../openapi-errors";
import { AddExamplesSchema, AddedExamplesSchema, ModelSchema, TrainSchema } from "./schemas";
import { describeModels } from "./store";

const MAX_EXAMPLES = 20_000;

const addExamples = createRoute({
  method: "post",
  path: "/v1/models/subject/examples",
  tags: ["Models"],
  summary: "Add labelled examples for the subject classifier",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: AddExamplesSchema } }, required: true },
  },
  responses: {
    201: { description: "Added", content: { "application/json": { schema: AddedExamplesSchema } } },
    ...errorResponses(400, 401, 403, 409),
  },
});

const train = createRoute({
  method: "post",
  path: "/v1/models/subject/train",
  tags: ["Models"],
  summary: "Retrain the subject classifier on the account's labelled examples",
  description:
    "Trains naive Bayes on every labelled example of the account (and the starter set with `include_starter`). New interactions use it at once.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    body: { content: { "application/json": { schema: TrainSchema } }, required: true },
  },
  responses: {
    200: { description: "Trained", content: { "application/json": { schema: ModelSchema } } },
    ...errorResponses(400, 401, 403, 409),
  },
});

/** The account's labelled examples in creation order (ids sort by time): splits are stable. */
export async function accountExamples(services: Services, accountId: string) {
  const { rows } = await services.database.client.execute({
    sql: "SELECT text, subject FROM subject_examples WHERE account_id = ? ORDER BY id",
    args: [accountId],
  });
  return rows.map((r): LabelledExample => ({ text: String(r.text), subject: String(r.subject) }));
}

export function registerSubjectModel(app: App, services: Services) {
  app.openapi(addExamples, async (c) => {
    const { accountId } = c.get("auth");
    const { examples } = c.req.valid("json");
    const { rows } = await services.database.client.execute({
      sql: "SELECT count(*) AS n FROM subject_examples WHERE account_id = ?",
      args: [accountId],
    });
    const existing = Number(rows[0]?.n ?? 0);
    if (existing + examples.length > MAX_EXAMPLES) {
      throw new ApiError("conflict", `An account keeps at most ${MAX_EXAMPLES} examples`);
    }
    const now = services.now();
    // Ids sort by time and then randomly: one request's examples keep their order by a
    // millisecond step, so the evaluation's split by position is the order they were sent.
    await services.writer.write(
      examples.map((e, i) => ({
        sql: "INSERT INTO subject_examples (id, account_id, text, subject, created_at) VALUES (?, ?, ?, ?, ?)",
        args: [newId("sex", now + i), accountId, e.text, e.subject, now],
      })),
    );
    return c.json({ added: examples.length, total: existing + examples.length }, 201);
  });

  app.openapi(train, async (c) => {
    const { accountId } = c.get("auth");
    const { include_starter } = c.req.valid("json");
    const own = await accountExamples(services, accountId);
    const examples = include_starter ? [...STARTER_EXAMPLES, ...own] : own;
    if (new Set(examples.map((e) => e.subject)).size < 2) {
      throw new ApiError(
        "conflict",
        "Training needs labelled examples of at least two subjects (add some, or include_starter)",
      );
    }
    const model = trainSubjects(examples);
    const source = include_starter ? (own.length > 0 ? "account+starter" : "starter") : "account";
    await services.writer.write([
      saveModelStatement(
        accountId,
        "subject",
        { model, source, examples: examples.length },
        services.now(),
      ),
    ]);
    const described = await describeModels(services, accountId);
    return c.json(described.find((m) => m.id === "subject")!, 200);
  });
}
