import { type Compiled, compileCondition, conditionEnvironment } from "./cel";
import { FlowFailure, resumeAt } from "./resume";
import { onDutyContacts } from "./schedule-data";
import type {
  Flow,
  FlowAction,
  FlowDecision,
  RunInput,
  RunResult,
  Step,
  TraceEntry,
} from "./types";

/** Steps one run may pass through; validation refuses cycles, this bounds hand-built flows. */
export const MAX_STEPS = 64;

/**
 * Runs a validated flow over fetched source data (keyed by source name) and returns what to
 * do with the call now plus a trace of every step, condition value and reason. Multi-step
 * flows continue when the carrier calls back: pass the decision's `resume` as `fromStep` /
 * `attempt` with the caller's `digits` / `speech` or the `dialStatus`. Any failure dials the
 * flow's default target: a caller is never dropped because of our error.
 *
 * @example
 * const { decision, trace } = runFlow(flow, { caller: { vip: true } }, { now: new Date() });
 */
export function runFlow(
  flow: Flow,
  data: Readonly<Record<string, unknown>>,
  input: RunInput,
): RunResult {
  const trace: TraceEntry[] = [];
  const decision: FlowDecision = {
    prelude: [],
    action: { kind: "hangup" },
    tags: {},
    webhooks: [],
    forwards: [],
    fallback: false,
  };
  let current = input.fromStep ?? flow.start;
  try {
    const context = buildContext(flow, data, input, trace);
    const entry = resumeAt(flow, input, trace);
    if (entry.kind === "action") {
      decision.action = entry.action;
      return { decision, trace };
    }
    let at: string | undefined = entry.step;
    let attempt = entry.attempt;
    const compiled = compiledConditions(flow);
    for (let count = 0; ; count++) {
      if (at === undefined) return end(flow, decision, trace);
      if (count >= MAX_STEPS) throw new FlowFailure(at, `stopped after ${MAX_STEPS} steps`);
      current = at;
      const step: Step | undefined = flow.steps[at];
      if (!step) throw new FlowFailure(at, `unknown step "${at}"`);
      if (step.when !== undefined && !holds(compiled.get(step.id), step, context, trace)) {
        at = step.next;
        continue;
      }
      const outcome = act(flow, step, context, decision, trace, attempt);
      attempt = 1;
      if (outcome.kind === "stop") return { decision, trace };
      at = outcome.next;
    }
  } catch (error) {
    const step = error instanceof FlowFailure && error.step !== "" ? error.step : current;
    const message = error instanceof Error ? error.message : String(error);
    trace.push({ step, event: "error", detail: message });
    decision.action = defaultDial(flow);
    decision.fallback = true;
    trace.push({
      step,
      event: "default_target",
      detail: "dialing the default target after an error",
    });
    return { decision, trace };
  }
}

const cache = new WeakMap<Flow, Map<string, Compiled>>();

/** Conditions compiled once per flow object, so repeated callbacks skip the parser. */
function compiledConditions(flow: Flow): Map<string, Compiled> {
  let compiled = cache.get(flow);
  if (!compiled) {
    const env = conditionEnvironment(Object.keys(flow.sources));
    compiled = new Map();
    for (const step of Object.values(flow.steps)) {
      if (step.when !== undefined) compiled.set(step.id, compileCondition(env, step.when));
    }
    cache.set(flow, compiled);
  }
  return compiled;
}

function buildContext(
  flow: Flow,
  data: Readonly<Record<string, unknown>>,
  input: RunInput,
  trace: TraceEntry[],
): Record<string, unknown> {
  const context: Record<string, unknown> = {
    input: { digits: input.digits ?? "", speech: input.speech ?? "" },
  };
  for (const [name, spec] of Object.entries(flow.sources)) {
    const value = data[name];
    if (value === undefined && spec.type === "http") {
      trace.push({
        step: "",
        event: "source_fallback",
        detail: `source "${name}" has no data; using its fallback`,
      });
      context[name] = spec.fallback;
    } else {
      context[name] = value ?? null;
    }
  }
  return context;
}

function holds(
  compiled: Compiled | undefined,
  step: Step,
  context: Record<string, unknown>,
  trace: TraceEntry[],
): boolean {
  if (!compiled?.ok)
    throw new FlowFailure(step.id, `condition does not compile: ${compiled?.message ?? ""}`);
  let value: unknown;
  try {
    value = compiled.evaluate(context);
  } catch (error) {
    throw new FlowFailure(
      step.id,
      `condition failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  }
  if (typeof value !== "boolean")
    throw new FlowFailure(step.id, `condition returned ${typeof value}, not a bool`);
  trace.push({ step: step.id, event: "condition", value, detail: `${step.when} is ${value}` });
  if (!value)
    trace.push({
      step: step.id,
      event: "skipped",
      detail: step.next ? `continuing at "${step.next}"` : "no next step",
    });
  return value;
}

type Outcome = { kind: "stop" } | { kind: "continue"; next: string | undefined };

function act(
  flow: Flow,
  step: Step,
  context: Record<string, unknown>,
  decision: FlowDecision,
  trace: TraceEntry[],
  attempt: number,
): Outcome {
  const { action } = step;
  const resume = { fromStep: step.id, attempt: 1 };
  const stop = (next: FlowAction, detail: string): Outcome => {
    decision.action = next;
    trace.push({ step: step.id, event: "action", detail });
    return { kind: "stop" };
  };
  const go = (detail: string): Outcome => {
    trace.push({ step: step.id, event: "action", detail });
    return { kind: "continue", next: step.next };
  };
  switch (action.type) {
    case "dial": {
      const { type: _, to, ...rest } = action;
      return stop({ kind: "dial", target: to, ...rest, resume }, `dial ${describeTarget(to)}`);
    }
    case "route_on_duty": {
      const contacts = onDutyContacts(flow, context, action.channelType);
      if (contacts.length === 0) {
        trace.push({
          step: step.id,
          event: "action",
          detail: `nobody on duty for ${action.channelType}`,
        });
        const next = step.onNoAnswer ?? step.next;
        if (next === undefined)
          throw new FlowFailure(step.id, "nobody on duty and no on_no_answer step");
        return { kind: "continue", next };
      }
      if (action.channelType !== "voice") {
        decision.forwards.push({ channelType: action.channelType, contacts });
        return go(`forward to on-duty ${action.channelType} contacts ${contacts.join(", ")}`);
      }
      const [first, ...more] = contacts;
      return stop(
        {
          kind: "dial",
          target: { kind: "numbers", numbers: [first as string, ...more] },
          mode: "simultaneous",
          timeoutS: action.timeoutS,
          record: action.record,
          resume,
        },
        `dial on-duty ${contacts.join(", ")}`,
      );
    }
    case "menu": {
      const { prompt, speech, timeoutS } = action;
      return stop(
        {
          kind: "menu",
          prompt,
          digits: Object.keys(action.digits),
          speech,
          timeoutS,
          resume: { fromStep: step.id, attempt },
        },
        `menu, attempt ${attempt}`,
      );
    }
    case "say":
      decision.prelude.push({ kind: "say", text: action.text });
      return go("say");
    case "play":
      decision.prelude.push({ kind: "play", url: action.url });
      return go(`play ${action.url}`);
    case "voicemail":
      return stop({ kind: "voicemail", to: action.to }, `voicemail to ${action.to.kind}`);
    case "set":
      Object.assign(decision.tags, action.tags);
      return go(`tags ${Object.keys(action.tags).join(", ")}`);
    case "webhook":
      decision.webhooks.push(action.url);
      return go(`webhook ${action.url}`);
    case "hangup":
      return stop({ kind: "hangup" }, "hang up");
  }
}

/** The flow ran out of steps: after speech that is a goodbye, otherwise connect the caller. */
function end(flow: Flow, decision: FlowDecision, trace: TraceEntry[]): RunResult {
  if (decision.prelude.length > 0) {
    trace.push({ step: "", event: "end", detail: "flow ended after speech; hanging up" });
    return { decision, trace };
  }
  decision.action = defaultDial(flow);
  trace.push({ step: "", event: "default_target", detail: "flow ended without a call action" });
  return { decision, trace };
}

export function defaultDial(flow: Flow): FlowAction {
  const { numbers, timeoutS, callerId } = flow.defaultTarget;
  return {
    kind: "dial",
    target: { kind: "numbers", numbers },
    mode: "simultaneous",
    timeoutS,
    record: false,
    ...(callerId && { callerId }),
  };
}

function describeTarget(to: Extract<FlowAction, { kind: "dial" }>["target"]): string {
  if (to.kind === "numbers") return to.numbers.join(", ");
  return to.kind === "agent" ? `agent ${to.agentId}` : `group ${to.groupId}`;
}
