import { readFileSync } from "node:fs";
import type { z } from "zod";
import { type Scenario, ScenarioSchema } from "./schema";

/** A scenario that failed validation; the message lists every problem with its JSON path. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `Invalid scenario ${source}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
    );
    this.name = "ScenarioError";
  }
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0
    ? "(root)"
    : issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");
}

/**
 * Validates a parsed scenario, filling in defaults.
 *
 * @example parseScenario({ name: "x", traffic: { visitors_per_day: 500 }, pool: { size: 20 } })
 */
export function parseScenario(value: unknown, source = "scenario"): Scenario {
  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) {
    throw new ScenarioError(
      source,
      parsed.error.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })),
    );
  }
  return parsed.data;
}

/** Reads and validates a scenario file. */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ScenarioError(file, [{ path: "(file)", message: (err as Error).message }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(file, [{ path: "(json)", message: (err as Error).message }]);
  }
  return parseScenario(json, file);
}
