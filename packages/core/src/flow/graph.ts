import type { Flow, FlowError, Step } from "./types";

export interface Edge {
  to: string;
  /** JSON path of the link, e.g. `steps.menu.menu.digits.1`. */
  path: string;
}

/** The links leaving a step, in the order the engine may follow them. */
export function edges(step: Step): Edge[] {
  const base = `steps.${step.id}`;
  const out: Edge[] = [];
  const { action } = step;
  if (action.type === "menu") {
    for (const [digit, to] of Object.entries(action.digits))
      out.push({ to, path: `${base}.menu.digits.${digit}` });
    if (action.noInput) out.push({ to: action.noInput, path: `${base}.menu.no_input` });
  }
  if (step.onNoAnswer) out.push({ to: step.onNoAnswer, path: `${base}.on_no_answer` });
  if (step.next) out.push({ to: step.next, path: `${base}.next` });
  return out;
}

/**
 * A menu whose `no_input` leads back to itself re-prompts; the engine counts the prompts in
 * the resume token and dials the default target after `max_attempts`, so the loop is bounded
 * and allowed. Every other cycle is refused.
 */
function isBoundedSelfLoop(step: Step, edge: Edge): boolean {
  return step.action.type === "menu" && edge.to === step.id && edge.path.endsWith(".no_input");
}

/** Steps reachable from `start` by any link. */
export function reachable(flow: Flow): Set<string> {
  const seen = new Set<string>();
  const queue = [flow.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = flow.steps[id];
    if (!step || seen.has(id)) continue;
    seen.add(id);
    for (const edge of edges(step)) queue.push(edge.to);
  }
  return seen;
}

/** Unknown link targets, cycles and unreachable steps. */
export function graphErrors(flow: Flow): FlowError[] {
  const errors: FlowError[] = [];
  if (!flow.steps[flow.start])
    errors.push({ path: "start", message: `unknown step "${flow.start}"` });
  for (const step of Object.values(flow.steps)) {
    for (const edge of edges(step)) {
      if (!flow.steps[edge.to])
        errors.push({ path: edge.path, message: `unknown step "${edge.to}"` });
    }
  }
  errors.push(...cycleErrors(flow));
  const live = reachable(flow);
  for (const id of Object.keys(flow.steps)) {
    if (!live.has(id)) errors.push({ path: `steps.${id}`, message: "is unreachable from start" });
  }
  return errors;
}

function cycleErrors(flow: Flow): FlowError[] {
  const errors: FlowError[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (id: string): void => {
    const step = flow.steps[id];
    if (!step || done.has(id)) return;
    stack.push(id);
    onStack.add(id);
    for (const edge of edges(step)) {
      if (isBoundedSelfLoop(step, edge)) continue;
      if (onStack.has(edge.to)) {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        errors.push({ path: edge.path, message: `cycle: ${cycle.join(" -> ")}` });
      } else {
        visit(edge.to);
      }
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
  };
  visit(flow.start);
  for (const id of Object.keys(flow.steps)) visit(id);
  return errors;
}
