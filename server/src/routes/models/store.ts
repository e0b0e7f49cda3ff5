import type { z } from "@hono/zod-openapi";
import { MODELS } from "@ringtrail/core/intel";
import type { Services } from "../../context";
import { loadRules, loadSubjectModel } from "../../intel/registry";
import { iso } from "../iso";
import type { ModelSchema } from "./schemas";

/** The registry as the account sees it: every built-in model with the account's state. */
export async function describeModels(
  services: Services,
  accountId: string,
): Promise<z.infer<typeof ModelSchema>[]> {
  const { client } = services.database;
  const [subject, rules] = await Promise.all([
    loadSubjectModel(client, accountId),
    loadRules(client, accountId),
  ]);
  return MODELS.map((spec) => {
    const base = {
      id: spec.id,
      description: spec.description,
      channels: [...spec.channels],
      inputs: [...spec.inputs],
    };
    if (spec.id === "subject") {
      return {
        ...base,
        version: subject.version,
        updated_at: iso(subject.trainedAt),
        state: {
          source: subject.source,
          examples: subject.examples,
          subjects: subject.model.subjects,
        },
      };
    }
    if (spec.id === "intent_rules") {
      return { ...base, version: rules.version, updated_at: null, state: { rules: rules.rules } };
    }
    return { ...base, version: 0, updated_at: null, state: {} };
  });
}
