import type { Flow, FlowAction, RunInput, TraceEntry } from "./types";

/** A failure at a step; the run turns it into a dial of the default target. */
export class FlowFailure extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

export type Entry =
  | { kind: "step"; step: string | undefined; attempt: number }
  | { kind: "action"; action: FlowAction };

const WORDS: Readonly<Record<string, string>> = {
  zero: "0",
  oh: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};

/** The key a caller pressed, or said ("two", "2", "press two please"). */
export function chosenKey(input: Pick<RunInput, "digits" | "speech">): string | undefined {
  if (input.digits) return input.digits.trim().charAt(0) || undefined;
  for (const word of (input.speech ?? "").toLowerCase().split(/[^a-z0-9*#]+/)) {
    if (/^[0-9*#]$/.test(word)) return word;
    const digit = WORDS[word];
    if (digit) return digit;
  }
  return undefined;
}

/** Where a run starts: the flow's start, or after the step the carrier called back for. */
export function resumeAt(flow: Flow, input: RunInput, trace: TraceEntry[]): Entry {
  if (input.fromStep === undefined) return { kind: "step", step: flow.start, attempt: 1 };
  const step = flow.steps[input.fromStep];
  if (!step)
    throw new FlowFailure(input.fromStep, `cannot resume at unknown step "${input.fromStep}"`);
  const { action } = step;
  if (action.type === "dial" || action.type === "route_on_duty") {
    if (input.dialStatus === "answered") {
      trace.push({ step: step.id, event: "input", detail: "dial answered; call complete" });
      return { kind: "action", action: { kind: "hangup" } };
    }
    const next = step.onNoAnswer ?? step.next;
    trace.push({
      step: step.id,
      event: "input",
      detail: `no answer; ${next ? `continuing at "${next}"` : "flow ends"}`,
    });
    return next
      ? { kind: "step", step: next, attempt: 1 }
      : { kind: "action", action: { kind: "hangup" } };
  }
  if (action.type !== "menu")
    throw new FlowFailure(step.id, `step "${step.id}" (${action.type}) does not resume`);
  const key = chosenKey(input);
  const target = key === undefined ? undefined : action.digits[key];
  if (target !== undefined) {
    trace.push({
      step: step.id,
      event: "input",
      detail: `caller chose ${key}; continuing at "${target}"`,
    });
    return { kind: "step", step: target, attempt: 1 };
  }
  const heard = key === undefined ? "no input" : `unmatched input ${key}`;
  if (action.noInput === step.id) {
    const attempt = (input.attempt ?? 1) + 1;
    if (attempt > action.maxAttempts)
      throw new FlowFailure(step.id, `${heard} after ${action.maxAttempts} prompts`);
    trace.push({
      step: step.id,
      event: "input",
      detail: `${heard}; prompting again (attempt ${attempt})`,
    });
    return { kind: "step", step: step.id, attempt };
  }
  const next = action.noInput ?? step.next;
  if (next === undefined) throw new FlowFailure(step.id, `${heard} and no no_input step`);
  trace.push({ step: step.id, event: "input", detail: `${heard}; continuing at "${next}"` });
  return { kind: "step", step: next, attempt: 1 };
}
