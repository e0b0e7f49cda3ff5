import { type ASTNode, Environment } from "@marcbachmann/cel-js";

/**
 * Conditions see each declared source as a dynamic variable of its name, plus `input`
 * (`input.digits`, `input.speech`) from the last menu. Source data is JSON: numbers arrive as
 * CEL doubles, which compare with int literals (`caller.calls > 3`) but do not add to them.
 */
export function conditionEnvironment(sourceNames: readonly string[]): Environment {
  const env = new Environment({
    homogeneousAggregateLiterals: false,
    limits: {
      maxAstNodes: 500,
      maxDepth: 32,
      maxListElements: 200,
      maxMapEntries: 200,
      maxCallArguments: 8,
    },
  });
  env.registerVariable("input", "dyn");
  for (const name of sourceNames) env.registerVariable(name, "dyn");
  return env;
}

export type Compiled =
  | { ok: true; evaluate: (context: Record<string, unknown>) => unknown; identifiers: Set<string> }
  | { ok: false; message: string };

/** Parses and type-checks a condition; it must be able to yield a bool. */
export function compileCondition(env: Environment, expression: string): Compiled {
  // JavaScript regular expressions backtrack: a pattern written by a template author and run
  // over caller-supplied text could stall the worker that routes every call.
  if (/\bmatches\s*\(/.test(expression)) {
    return {
      ok: false,
      message:
        "matches() is not allowed (a regular expression can stall routing): use startsWith, endsWith or contains",
    };
  }
  try {
    const program = env.parse(expression);
    const checked = program.check();
    if (!checked.valid) return { ok: false, message: firstLine(checked.error?.message) };
    if (checked.type !== "bool" && checked.type !== "dyn") {
      return { ok: false, message: `condition must be a bool, not ${checked.type}` };
    }
    const identifiers = new Set<string>();
    collectIdentifiers(program.ast, identifiers);
    return { ok: true, evaluate: (context) => program(context), identifiers };
  } catch (error) {
    return {
      ok: false,
      message: firstLine(error instanceof Error ? error.message : String(error)),
    };
  }
}

/**
 * Every identifier in the expression. Macro loop variables (`xs.exists(x, …)`) are included
 * too: when one shadows a source name the server fetches that source needlessly, never too few.
 */
function collectIdentifiers(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectIdentifiers(child, out);
    return;
  }
  if (!isNode(node)) return;
  if (node.op === "id") out.add(node.args);
  else if (node.op !== "value") collectIdentifiers(node.args, out);
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === "object" && value !== null && "op" in value && "args" in value;
}

function firstLine(message: string | undefined): string {
  return (message ?? "invalid expression").split("\n")[0] ?? "invalid expression";
}
