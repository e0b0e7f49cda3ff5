export type Medium = "sms" | "email" | "callback" | "chat";

export type InteractionChannel = "call" | "sms" | "email" | "chat" | "web_form";

export type Urgency = "low" | "normal" | "high";

export interface MediumAttempt {
  medium: Medium;
  /** Whether the customer answered (picked up, replied, clicked). */
  answered: boolean;
}

export interface MediumInput {
  subject: string;
  channel: InteractionChannel;
  urgency?: Urgency;
  /** Earlier outreach to this customer, any order. */
  history?: readonly MediumAttempt[];
}

export type MediumRule =
  | "urgent"
  | "same_channel"
  | "customer_preference"
  | "subject_default"
  | "fallback";

export interface MediumChoice {
  medium: Medium;
  rule: MediumRule;
  reason: string;
}

/** Preferred media per starter subject, best first. Unknown subjects use the channel's. */
const SUBJECT_MEDIA: Readonly<Record<string, readonly Medium[]>> = {
  billing: ["email", "sms", "callback"],
  sales: ["callback", "email", "sms"],
  support: ["email", "callback", "sms"],
  cancellation: ["callback", "email", "sms"],
  complaint: ["callback", "email", "sms"],
  scheduling: ["sms", "email", "callback"],
};

/** Subjects where a person's voice matters more than answering in kind. */
const VOICE_SUBJECTS: ReadonlySet<string> = new Set(["complaint", "cancellation"]);

/** The medium that answers a channel in kind: a call is answered by a callback. */
export const MIRROR_MEDIUM: Readonly<Record<InteractionChannel, Medium>> = {
  call: "callback",
  sms: "sms",
  email: "email",
  chat: "chat",
  web_form: "email",
};

/** A medium tried at least 3 times and answered at most 1 time in 5 is not worth using. */
function ignored(history: readonly MediumAttempt[], medium: Medium): boolean {
  const tries = history.filter((h) => h.medium === medium);
  const answered = tries.filter((h) => h.answered).length;
  return tries.length >= 3 && answered / tries.length <= 0.2;
}

/** The medium answered at least twice and at least 3 times in 4, best rate first. */
function preferred(history: readonly MediumAttempt[]): Medium | null {
  const stats = new Map<Medium, { tries: number; answered: number }>();
  for (const { medium, answered } of history) {
    const entry = stats.get(medium) ?? { tries: 0, answered: 0 };
    entry.tries++;
    if (answered) entry.answered++;
    stats.set(medium, entry);
  }
  let best: Medium | null = null;
  let bestRate = 0;
  for (const [medium, { tries, answered }] of stats) {
    const rate = answered / tries;
    if (answered >= 2 && rate >= 0.75 && rate > bestRate) {
      best = medium;
      bestRate = rate;
    }
  }
  return best;
}

/**
 * How to answer an interaction. Rules in order, each skipping media this customer ignores:
 * 1. high urgency -> callback;
 * 2. a text channel (sms, chat, email, web form) -> the same medium, except for complaints and
 *    cancellations, which get the subject's default (a person calls back);
 * 3. the medium this customer reliably answers;
 * 4. the subject's preferred media in order (a call falls back to a callback for unknown
 *    subjects);
 * 5. if every candidate is ignored, the subject's first choice anyway.
 * Chat is only chosen when the customer is in a chat now: it needs a live session.
 */
export function chooseMedium(input: MediumInput): MediumChoice {
  const { subject, channel, urgency = "normal", history = [] } = input;
  const usable = (medium: Medium) =>
    (medium !== "chat" || channel === "chat") && !ignored(history, medium);
  const defaults = SUBJECT_MEDIA[subject] ?? [MIRROR_MEDIUM[channel], "email", "sms", "callback"];

  if (urgency === "high" && usable("callback")) {
    return { medium: "callback", rule: "urgent", reason: "urgent: call the customer back" };
  }
  const mirror = MIRROR_MEDIUM[channel];
  if (channel !== "call" && !VOICE_SUBJECTS.has(subject) && usable(mirror)) {
    return { medium: mirror, rule: "same_channel", reason: `answer on ${mirror}, as they wrote` };
  }
  const favourite = preferred(history);
  if (favourite !== null && usable(favourite)) {
    return {
      medium: favourite,
      rule: "customer_preference",
      reason: `customer reliably answers ${favourite}`,
    };
  }
  for (const medium of defaults) {
    if (usable(medium)) {
      const skipped = defaults.slice(0, defaults.indexOf(medium));
      const note = skipped.length > 0 ? ` (customer ignores ${skipped.join(", ")})` : "";
      return {
        medium,
        rule: "subject_default",
        reason: `${medium} suits ${subject}${note}`,
      };
    }
  }
  const first = defaults[0] ?? "email";
  return { medium: first, rule: "fallback", reason: "customer ignores every medium; default" };
}
