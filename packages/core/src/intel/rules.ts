import { Environment } from "@marcbachmann/cel-js";
import type { Urgency } from "./medium";

/**
 * An account's intent or urgency rule: a CEL condition over the interaction and what sets it.
 * Conditions see `text` (lowercased), `channel`, `subject` ("" when not classified),
 * `sentiment` (-1..1, 0 when not scored), `metadata` (the interaction's JSON) and `customer`
 * (`customer.interactions`: earlier interactions of this customer; `customer.state`: their
 * device or account state from the account's source, null without one).
 */
export interface IntentRule {
  name: string;
  when: string;
  intent?: string;
  urgency?: Urgency;
}

export interface RuleFacts {
  text: string;
  channel: string;
  subject: string;
  sentiment: number;
  metadata: Record<string, unknown>;
  customer: { interactions: number; state?: unknown };
}

export interface RuleOutcome {
  intent: string | null;
  urgency: Urgency;
  /** Names of the rules whose condition held, in rule order. */
  matched: string[];
  /** Rules that failed at run time (a missing metadata key), with the first line of why. */
  errors: { rule: string; message: string }[];
}

export type CompiledRules = readonly {
  rule: IntentRule;
  evaluate: (facts: RuleFacts) => unknown;
}[];

function environment(): Environment {
  const env = new Environment({
    homogeneousAggregateLiterals: false,
    limits: {
      maxAstNodes: 300,
      maxDepth: 24,
      maxListElements: 100,
      maxMapEntries: 100,
      maxCallArguments: 8,
    },
  });
  env.registerVariable("text", "string");
  env.registerVariable("channel", "string");
  env.registerVariable("subject", "string");
  env.registerVariable("sentiment", "double");
  env.registerVariable("metadata", "dyn");
  env.registerVariable("customer", "dyn");
  return env;
}

const firstLine = (message: string) => message.split("\n")[0] ?? message;

/**
 * Parses and type-checks every rule; the first error names its rule, for a 400 on save.
 * `matches()` is refused: a backtracking pattern over customer text could stall the worker.
 *
 * @example
 * compileRules([{ name: "outage", when: 'text.contains("no power")', urgency: "high" }])
 */
export function compileRules(
  rules: readonly IntentRule[],
): { ok: true; rules: CompiledRules } | { ok: false; message: string } {
  const env = environment();
  const compiled: { rule: IntentRule; evaluate: (facts: RuleFacts) => unknown }[] = [];
  for (const rule of rules) {
    if (rule.intent === undefined && rule.urgency === undefined) {
      return { ok: false, message: `rule "${rule.name}" sets neither intent nor urgency` };
    }
    if (/\bmatches\s*\(/.test(rule.when)) {
      return { ok: false, message: `rule "${rule.name}": matches() is not allowed` };
    }
    try {
      const program = env.parse(rule.when);
      const checked = program.check();
      if (!checked.valid) {
        return {
          ok: false,
          message: `rule "${rule.name}": ${firstLine(checked.error?.message ?? "invalid")}`,
        };
      }
      if (checked.type !== "bool" && checked.type !== "dyn") {
        return { ok: false, message: `rule "${rule.name}" must be a bool, not ${checked.type}` };
      }
      compiled.push({ rule, evaluate: (facts) => program({ ...facts }) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `rule "${rule.name}": ${firstLine(message)}` };
    }
  }
  return { ok: true, rules: compiled };
}

/** Runs the rules in order: the first that holds and sets intent wins it, likewise urgency. */
export function applyRules(rules: CompiledRules, facts: RuleFacts): RuleOutcome {
  const outcome: RuleOutcome = { intent: null, urgency: "normal", matched: [], errors: [] };
  let urgencySet = false;
  for (const { rule, evaluate } of rules) {
    let holds: unknown;
    try {
      holds = evaluate(facts);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome.errors.push({ rule: rule.name, message: firstLine(message) });
      continue;
    }
    if (holds !== true) continue;
    outcome.matched.push(rule.name);
    if (rule.intent !== undefined && outcome.intent === null) outcome.intent = rule.intent;
    if (rule.urgency !== undefined && !urgencySet) {
      outcome.urgency = rule.urgency;
      urgencySet = true;
    }
  }
  return outcome;
}
