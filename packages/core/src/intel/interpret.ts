import {
  chooseMedium,
  type InteractionChannel,
  type MediumAttempt,
  type MediumChoice,
} from "./medium";
import { type ModelId, modelsFor } from "./registry";
import { applyRules, type CompiledRules } from "./rules";
import { scoreSentiment } from "./sentiment";
import { type CallFacts, scoreSpam } from "./spam";
import { classify, type SubjectModel } from "./subjects";

export interface InterpretInput {
  channel: InteractionChannel;
  text: string;
  metadata: Record<string, unknown>;
  /** Present for calls: what the spam detector reads (the transcript is `text`). */
  call?: Omit<CallFacts, "transcript"> | null;
  subjectModel: SubjectModel;
  rules: CompiledRules;
  /** Earlier outreach to this customer and whether they answered. */
  history: readonly MediumAttempt[];
  /** Earlier interactions of this customer. */
  earlierInteractions: number;
  /** The customer's device or account state from the account's source, for the rules. */
  customerState?: unknown;
}

export interface ModelOutput {
  model: ModelId;
  output: Record<string, unknown>;
  /** How sure the model is of `output`, in [0, 1]; null where it has no such notion. */
  confidence: number | null;
}

export interface Interpretation {
  models: ModelOutput[];
  subject: string | null;
  intent: string | null;
  urgency: "low" | "normal" | "high";
  spam: boolean;
  /** Null for spam: nobody answers a robocall. */
  medium: MediumChoice | null;
}

/**
 * Runs the models that fit the interaction (`modelsFor`) in registry order and decides the
 * response medium from their outputs. Intent rules run last so they can read the subject and
 * sentiment. A call judged spam gets no response.
 */
export function interpret(input: InterpretInput): Interpretation {
  const hasText = /[\p{L}\p{N}]/u.test(input.text);
  const selected = modelsFor({
    channel: input.channel,
    hasText,
    isCall: input.channel === "call" && input.call != null,
  });
  const models: ModelOutput[] = [];
  let subject: string | null = null;
  let sentiment = 0;
  let spam = false;
  let intent: string | null = null;
  let urgency: Interpretation["urgency"] = "normal";
  for (const spec of selected) {
    if (spec.id === "spam" && input.call) {
      const score = scoreSpam({ ...input.call, transcript: hasText ? input.text : null });
      spam = score.isSpam;
      models.push({
        model: "spam",
        output: { is_spam: score.isSpam, reasons: score.reasons.map((r) => r.code) },
        confidence: score.isSpam ? score.score : 1 - score.score,
      });
    } else if (spec.id === "subject") {
      const result = classify(input.subjectModel, input.text);
      subject = result.subject;
      models.push({
        model: "subject",
        output: { subject: result.subject, scores: result.scores },
        confidence: result.confidence,
      });
    } else if (spec.id === "sentiment") {
      const result = scoreSentiment(input.text);
      sentiment = result.score;
      models.push({
        model: "sentiment",
        output: { score: result.score, positive: result.positive, negative: result.negative },
        // The lexicon's certainty grows with the words it recognised.
        confidence: Math.min(1, (result.positive.length + result.negative.length) / 3),
      });
    } else if (spec.id === "intent_rules" && input.rules.length > 0) {
      const outcome = applyRules(input.rules, {
        text: input.text.toLowerCase(),
        channel: input.channel,
        subject: subject ?? "",
        sentiment,
        metadata: input.metadata,
        customer: { interactions: input.earlierInteractions, state: input.customerState ?? null },
      });
      intent = outcome.intent;
      urgency = outcome.urgency;
      models.push({
        model: "intent_rules",
        output: {
          intent: outcome.intent,
          urgency: outcome.urgency,
          matched: outcome.matched,
          errors: outcome.errors,
        },
        confidence: outcome.matched.length > 0 ? 1 : null,
      });
    }
  }
  const medium = spam
    ? null
    : chooseMedium({
        subject: subject ?? "support",
        channel: input.channel,
        urgency,
        history: input.history,
      });
  return { models, subject, intent, urgency, spam, medium };
}

/**
 * Fills `{{name}}` placeholders from `values`; unknown names are left empty rather than shown
 * to a customer as braces.
 *
 * @example
 * renderTemplate("Hi {{name}}, about {{subject}}", { subject: "billing" }) // "Hi , about billing"
 */
export function renderTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi, (_, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? "") : "",
  );
}
