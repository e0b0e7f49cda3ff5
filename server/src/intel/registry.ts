import type { Client } from "@libsql/client";
import {
  type CompiledRules,
  compileRules,
  type IntentRule,
  STARTER_EXAMPLES,
  type SubjectModel,
  trainSubjects,
} from "@ringtrail/core/intel";

let starter: SubjectModel | null = null;

/** The classifier trained on the shipped starter set: what an account has until it retrains. */
export function starterModel(): SubjectModel {
  starter ??= trainSubjects(STARTER_EXAMPLES);
  return starter;
}

export interface SubjectState {
  model: SubjectModel;
  /** Labelled examples it was trained on; "starter" if none of the account's own. */
  source: "starter" | "account" | "account+starter";
  examples: number;
  trainedAt: number | null;
  version: number;
}

async function stateOf(client: Client, accountId: string, model: string) {
  const { rows } = await client.execute({
    sql: "SELECT state, version, updated_at FROM intel_models WHERE account_id = ? AND model = ?",
    args: [accountId, model],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    state: JSON.parse(String(row.state)) as Record<string, unknown>,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

/** The account's subject classifier, or the starter one. */
export async function loadSubjectModel(client: Client, accountId: string): Promise<SubjectState> {
  const stored = await stateOf(client, accountId, "subject");
  if (!stored) {
    return {
      model: starterModel(),
      source: "starter",
      examples: STARTER_EXAMPLES.length,
      trainedAt: null,
      version: 0,
    };
  }
  return {
    model: stored.state.model as SubjectModel,
    source: stored.state.source as SubjectState["source"],
    examples: Number(stored.state.examples),
    trainedAt: stored.updatedAt,
    version: stored.version,
  };
}

/** The account's intent and urgency rules as saved (they were validated then) and compiled. */
export async function loadRules(
  client: Client,
  accountId: string,
): Promise<{ rules: IntentRule[]; compiled: CompiledRules; version: number }> {
  const stored = await stateOf(client, accountId, "intent_rules");
  const rules = (stored?.state.rules ?? []) as IntentRule[];
  const compiled = compileRules(rules);
  // Saved rules compiled when saved; a later CEL release refusing one must not stop processing.
  return { rules, compiled: compiled.ok ? compiled.rules : [], version: stored?.version ?? 0 };
}

/** Upserts a model's state, bumping its version. */
export function saveModelStatement(
  accountId: string,
  model: string,
  state: Record<string, unknown>,
  now: number,
) {
  return {
    sql: `INSERT INTO intel_models (account_id, model, state, version, updated_at) VALUES (?, ?, ?, 1, ?)
      ON CONFLICT (account_id, model) DO UPDATE SET state = excluded.state,
        version = intel_models.version + 1, updated_at = excluded.updated_at`,
    args: [accountId, model, JSON.stringify(state), now],
  };
}
