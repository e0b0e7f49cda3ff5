import type { CarrierName, RoutingDecision } from "@ringtrail/carriers";
import type { Flow, FlowAction, FlowDecision } from "@ringtrail/core/flow";
import { agents } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { Services } from "../context";
import { groupVoiceNumbers } from "../routes/agent-groups/store";
import { type ResumeState, sealResume, sealWhisper } from "./resume-state";

/** How long a voicemail may run. */
const VOICEMAIL_MAX_S = 180;

export interface RoutingContext {
  services: Services;
  accountId: string;
  carrier: CarrierName;
  carrierCallId: string;
  /** The tracking number: the caller id the advertiser sees unless the step names another. */
  trackingNumber: string;
  baseUrl: string;
  flowId: string;
  version: number;
  speech?: { text: string; confidence: number };
}

/** A failure while turning the decision into markup; the call goes to the default target. */
export class RoutingFailure extends Error {}

/**
 * Turns the flow's carrier-independent decision into the carriers package's routing
 * decision. Actions that continue the flow get an action URL carrying sealed resume state;
 * a sequential dial rings its first number and the callback rings the next.
 */
export async function toRouting(
  ctx: RoutingContext,
  decision: FlowDecision,
): Promise<RoutingDecision> {
  const prelude = decision.prelude;
  const action = decision.action;
  switch (action.kind) {
    case "dial": {
      const numbers = await dialNumbers(ctx, action.target);
      const sequential = action.mode === "sequential" && numbers.length > 1;
      const resume = action.resume;
      const state = resume && {
        step: resume.fromStep,
        attempt: resume.attempt,
        ...(sequential && { sequence: { numbers, index: 0 } }),
      };
      return {
        kind: "forward",
        prelude,
        to: sequential ? [numbers[0] as string] : (numbers as [string, ...string[]]),
        callerId: action.callerId ?? ctx.trackingNumber,
        timeoutS: action.timeoutS,
        record: action.record,
        recordingCallbackUrl: statusUrl(ctx),
        actionUrl: state ? await flowUrl(ctx, state) : `${statusUrl(ctx)}?event=dial`,
        ...(action.whisper && { whisperUrl: await whisperUrl(ctx, action.whisper) }),
      };
    }
    case "menu":
      return {
        kind: "menu",
        prelude,
        prompt: action.prompt,
        input: { digits: action.digits.length > 0, speech: action.speech },
        timeoutS: action.timeoutS,
        actionUrl: await flowUrl(ctx, {
          step: action.resume.fromStep,
          attempt: action.resume.attempt,
        }),
      };
    case "voicemail":
      return {
        kind: "voicemail",
        prelude,
        maxLengthS: VOICEMAIL_MAX_S,
        // The recording reaches the status endpoint, which stores it with the call; after
        // the beep-and-message the action URL's empty reply ends the call.
        actionUrl: `${statusUrl(ctx)}?event=voicemail`,
        recordingCallbackUrl: statusUrl(ctx),
      };
    case "hangup":
      return { kind: "hangup", prelude };
  }
}

/** A sequential dial's next number, rung after the previous one did not answer. */
export async function nextInSequence(
  ctx: RoutingContext,
  state: ResumeState,
  action: Extract<Flow["steps"][string]["action"], { type: "dial" }>,
): Promise<RoutingDecision | null> {
  const sequence = state.sequence;
  if (!sequence || sequence.index + 1 >= sequence.numbers.length) return null;
  const index = sequence.index + 1;
  return {
    kind: "forward",
    to: [sequence.numbers[index] as string],
    callerId: action.callerId ?? ctx.trackingNumber,
    timeoutS: action.timeoutS,
    record: action.record,
    recordingCallbackUrl: statusUrl(ctx),
    actionUrl: await flowUrl(ctx, {
      step: state.step,
      attempt: state.attempt,
      sequence: { numbers: sequence.numbers, index },
    }),
    ...(action.whisper && { whisperUrl: await whisperUrl(ctx, action.whisper) }),
  };
}

async function dialNumbers(
  ctx: RoutingContext,
  target: Extract<FlowAction, { kind: "dial" }>["target"],
): Promise<string[]> {
  if (target.kind === "numbers") return [...target.numbers];
  if (target.kind === "group") {
    const numbers = await groupVoiceNumbers(ctx.services, ctx.accountId, target.groupId);
    if (!numbers) throw new RoutingFailure(`no agent group ${target.groupId}`);
    if (numbers.length === 0)
      throw new RoutingFailure(`agent group ${target.groupId} has no one to ring`);
    return numbers;
  }
  const [agent] = await ctx.services.database.db
    .select({ contacts: agents.contacts })
    .from(agents)
    .where(and(eq(agents.id, target.agentId), eq(agents.accountId, ctx.accountId)));
  const voice = agent?.contacts.voice;
  if (!voice) throw new RoutingFailure(`agent ${target.agentId} has no voice contact`);
  return [voice];
}

/** Where the carrier fetches the markup spoken to the answering party before bridging. */
async function whisperUrl(ctx: RoutingContext, text: string): Promise<string> {
  const token = await sealWhisper(ctx.services.secrets, ctx.accountId, text);
  return `${ctx.baseUrl}/v1/carriers/${ctx.carrier}/whisper?a=${ctx.accountId}&s=${token}`;
}

function statusUrl(ctx: RoutingContext): string {
  return `${ctx.baseUrl}/v1/carriers/${ctx.carrier}/status`;
}

async function flowUrl(
  ctx: RoutingContext,
  at: Pick<ResumeState, "step" | "attempt" | "sequence">,
): Promise<string> {
  const token = await sealResume(
    ctx.services.secrets,
    ctx.carrier,
    ctx.carrierCallId,
    {
      flowId: ctx.flowId,
      version: ctx.version,
      ...at,
      ...(ctx.speech && { speech: ctx.speech }),
    },
    ctx.services.now(),
  );
  return `${ctx.baseUrl}/v1/carriers/${ctx.carrier}/flow?s=${token}`;
}
