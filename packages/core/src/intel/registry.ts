import type { InteractionChannel } from "./medium";

export type ModelId = "subject" | "sentiment" | "intent_rules" | "spam";

/** What a model reads: the interaction's text, call facts (duration, caller, session). */
export type ModelInput = "text" | "call";

export interface ModelSpec {
  id: ModelId;
  channels: readonly InteractionChannel[];
  /** All of these must be present for the model to run. */
  inputs: readonly ModelInput[];
  description: string;
}

const ALL_CHANNELS: readonly InteractionChannel[] = ["call", "sms", "email", "chat", "web_form"];

/** The built-in models, in the order they run. */
export const MODELS: readonly ModelSpec[] = [
  {
    id: "spam",
    channels: ["call"],
    inputs: ["call"],
    description: "robocall/spam heuristic over caller id, duration, session and transcript",
  },
  {
    id: "subject",
    channels: ALL_CHANNELS,
    inputs: ["text"],
    description: "naive Bayes subject classifier over the account's labelled examples",
  },
  {
    id: "sentiment",
    channels: ALL_CHANNELS,
    inputs: ["text"],
    description: "AFINN sentiment normalised to [-1, 1]",
  },
  {
    id: "intent_rules",
    channels: ALL_CHANNELS,
    inputs: [],
    description: "the account's CEL intent and urgency rules over text and metadata",
  },
];

export interface ModelContext {
  channel: InteractionChannel;
  /** A transcript or message body with at least one word. */
  hasText: boolean;
  /** Call facts are available (a call, not only its transcript pasted elsewhere). */
  isCall: boolean;
}

/**
 * The models that fit an interaction: its channel is declared and every input is present.
 *
 * @example
 * modelsFor({ channel: "call", hasText: false, isCall: true }).map((m) => m.id)
 * // ["spam", "intent_rules"]: no transcript yet, so no subject or sentiment
 */
export function modelsFor(
  context: ModelContext,
  models: readonly ModelSpec[] = MODELS,
): ModelSpec[] {
  const present: Record<ModelInput, boolean> = { text: context.hasText, call: context.isCall };
  return models.filter(
    (model) =>
      model.channels.includes(context.channel) && model.inputs.every((input) => present[input]),
  );
}
