import { z } from "@hono/zod-openapi";

const Subject = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "a subject is lowercase letters, digits and _")
  .openapi({ example: "billing" });

export const SubjectParam = z.object({ subject: Subject });

export const AddExamplesSchema = z
  .object({
    examples: z
      .array(z.object({ text: z.string().min(1).max(2000), subject: Subject }).strict())
      .min(1)
      .max(1000),
  })
  .strict()
  .openapi("AddSubjectExamples");

export const AddedExamplesSchema = z
  .object({ added: z.number().int(), total: z.number().int() })
  .openapi("AddedSubjectExamples");

export const TrainSchema = z
  .object({
    include_starter: z.boolean().default(false).openapi({
      description: "Train on the shipped starter set as well as the account's examples",
    }),
  })
  .strict()
  .openapi("TrainSubjectModel");

export const ModelSchema = z
  .object({
    id: z.enum(["subject", "sentiment", "intent_rules", "spam"]),
    description: z.string(),
    channels: z.array(z.string()),
    inputs: z.array(z.string()),
    version: z.number().int().openapi({ description: "0: built-in defaults" }),
    updated_at: z.string().nullable(),
    state: z.record(z.string(), z.unknown()),
  })
  .openapi("Model");

export const ModelListSchema = z.object({ data: z.array(ModelSchema) }).openapi("ModelList");

export const RuleSchema = z
  .object({
    name: z.string().min(1).max(64),
    when: z.string().min(1).max(2000).openapi({ example: 'text.contains("no power")' }),
    intent: z.string().min(1).max(64).optional(),
    urgency: z.enum(["low", "normal", "high"]).optional(),
  })
  .strict();

export const PutRulesSchema = z
  .object({ rules: z.array(RuleSchema).max(100) })
  .strict()
  .openapi("PutIntentRules");

export const EvaluationQuerySchema = z.object({
  holdout_every: z.coerce.number().int().min(2).max(20).default(5).openapi({
    description: "Every n-th example (by creation order) is held out; 5 trains on 80%",
  }),
});

export const EvaluationSchema = z
  .object({
    model: z.literal("subject"),
    source: z.enum(["account", "starter"]),
    trained_on: z.number().int(),
    held_out: z.number().int(),
    accuracy: z.number(),
    macro_f1: z.number(),
    subjects: z.array(
      z.object({
        subject: z.string(),
        precision: z.number(),
        recall: z.number(),
        f1: z.number(),
        support: z.number().int(),
      }),
    ),
    confusion: z.record(z.string(), z.record(z.string(), z.number())),
  })
  .openapi("ModelEvaluation");

export const SpecialistsSchema = z
  .object({ agents: z.array(z.string().max(64)).max(50) })
  .strict()
  .openapi("SubjectSpecialists");

export const SpecialistsBodySchema = z
  .object({ subject: z.string(), agents: z.array(z.string()) })
  .openapi("SubjectSpecialistsResult");
