import { compileCondition, conditionEnvironment } from "./cel";
import { graphErrors, reachable } from "./graph";
import { Reader } from "./read";
import { readFlow } from "./schema";
import type { Flow, SourceSpec, ValidateFlowResult } from "./types";

export interface ValidateFlowOptions {
  /** Origins (`https://crm.example.com`) that `http` sources may call. */
  httpAllowList: readonly string[];
  /** Let `http` sources use plain http to loopback hosts: for tests against local servers. */
  loopbackHttp?: boolean;
}

/**
 * Validates a call-flow template (version 1). A template that does not validate cannot be
 * activated. Errors carry JSON paths into the document.
 *
 * @example
 * const result = validateFlow(JSON.parse(body), { httpAllowList: ["https://crm.example.com"] });
 * if (!result.ok) return c.json({ errors: result.errors }, 422);
 */
export function validateFlow(doc: unknown, options: ValidateFlowOptions): ValidateFlowResult {
  const r = new Reader();
  const flow = readFlow(doc, r, options);
  if (!flow) return { ok: false, errors: r.errors };
  // Steps with schema errors are left out of `flow`, so links to them would be reported as
  // unknown: the graph is only checked once the steps themselves are well formed.
  const wellFormed = r.errors.length === 0;
  const env = conditionEnvironment(Object.keys(flow.sources));
  for (const step of Object.values(flow.steps)) {
    if (step.when !== undefined) {
      const compiled = compileCondition(env, step.when);
      if (!compiled.ok) r.fail(`steps.${step.id}.when`, compiled.message);
    }
    if (step.action.type === "route_on_duty" && !hasSource(flow.sources, "schedule")) {
      r.fail(`steps.${step.id}.route_on_duty`, 'needs a declared source of type "schedule"');
    }
  }
  if (wellFormed) r.errors.push(...graphErrors(flow));
  return r.errors.length === 0 ? { ok: true, flow } : { ok: false, errors: r.errors };
}

/**
 * The declared sources that reachable steps need: those their conditions name, and the
 * schedule source when a reachable step routes on duty. The server fetches only these, in
 * parallel, each within its own timeout.
 */
export function neededSources(flow: Flow): string[] {
  const env = conditionEnvironment(Object.keys(flow.sources));
  const needed = new Set<string>();
  for (const id of reachable(flow)) {
    const step = flow.steps[id];
    if (step?.when !== undefined) {
      const compiled = compileCondition(env, step.when);
      if (compiled.ok) for (const name of compiled.identifiers) needed.add(name);
    }
    if (step?.action.type === "route_on_duty") {
      for (const [name, spec] of Object.entries(flow.sources))
        if (spec.type === "schedule") needed.add(name);
    }
  }
  return Object.keys(flow.sources).filter((name) => needed.has(name));
}

function hasSource(
  sources: Readonly<Record<string, SourceSpec>>,
  type: SourceSpec["type"],
): boolean {
  return Object.values(sources).some((spec) => spec.type === type);
}
