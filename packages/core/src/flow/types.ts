/** Channel types an agent can be reached on and `route_on_duty` can route for. */
export const CHANNEL_TYPES = ["voice", "sms", "email", "chat"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Call property a keyed source is looked up by. */
export const SOURCE_KEYS = ["caller_number", "called_number"] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** A declared data source; the template names it and conditions read it by that name. */
export type SourceSpec =
  | { type: "caller" }
  | { type: "attribution" }
  | { type: "schedule" }
  | { type: "geo" }
  /** Proactive-campaign events affecting the caller now: `{active, kinds, ids}`. */
  | { type: "event" }
  | {
      type: "clock";
      /** IANA zone of the local time; the server's default (UTC) when absent. */
      timeZone?: string;
      /** Local dates (`YYYY-MM-DD`) that are holidays in the account's calendar. */
      holidays?: readonly string[];
    }
  | { type: "table"; name: string; key: SourceKey }
  | {
      type: "http";
      /** https URL on the account's allow-list; `{caller_number}` / `{called_number}` are filled in. */
      url: string;
      timeoutMs: number;
      ttlS: number;
      /** Used when the request fails, times out or the data is missing. */
      fallback: unknown;
    };
export type SourceType = SourceSpec["type"];

export type DialTarget =
  | { kind: "numbers"; numbers: readonly [string, ...string[]] }
  | { kind: "agent"; agentId: string }
  | { kind: "group"; groupId: string };

export interface DialAction {
  type: "dial";
  to: DialTarget;
  mode: "simultaneous" | "sequential";
  timeoutS: number;
  record: boolean;
  /** Text spoken to the answering party before bridging. */
  whisper?: string;
  callerId?: string;
}

export type StepAction =
  | DialAction
  | { type: "route_on_duty"; channelType: ChannelType; timeoutS: number; record: boolean }
  | {
      type: "menu";
      prompt: string;
      /** Digit ("0".."9", "*", "#") -> step id. */
      digits: Readonly<Record<string, string>>;
      speech: boolean;
      timeoutS: number;
      /** Step taken on no or unmatched input; may be the menu itself (re-prompt). */
      noInput?: string;
      /** Prompts before a self-looping menu gives up and dials the default target. */
      maxAttempts: number;
    }
  | { type: "say"; text: string }
  | { type: "play"; url: string }
  | { type: "voicemail"; to: { kind: "email"; email: string } | { kind: "webhook"; url: string } }
  | { type: "set"; tags: Readonly<Record<string, string>> }
  | { type: "webhook"; url: string }
  | { type: "hangup" };

export interface Step {
  id: string;
  /** CEL condition; when false the step is skipped and the flow continues at `next`. */
  when?: string;
  action: StepAction;
  next?: string;
  onNoAnswer?: string;
}

export interface DefaultTarget {
  numbers: readonly [string, ...string[]];
  callerId?: string;
  timeoutS: number;
}

/** A validated call flow (version 1). */
export interface Flow {
  version: 1;
  sources: Readonly<Record<string, SourceSpec>>;
  steps: Readonly<Record<string, Step>>;
  start: string;
  defaultTarget: DefaultTarget;
}

export interface FlowError {
  /** JSON path into the template, e.g. `steps.vip.when`. */
  path: string;
  message: string;
}

export type ValidateFlowResult = { ok: true; flow: Flow } | { ok: false; errors: FlowError[] };

/** Where a multi-step flow resumes when the carrier calls the action URL back. */
export interface FlowResume {
  fromStep: string;
  /** Prompt count of a re-prompting menu. */
  attempt: number;
}

/** Speech or audio played before the decision's main action, in order. */
export type Prelude = { kind: "say"; text: string } | { kind: "play"; url: string };

export type FlowAction =
  | {
      kind: "dial";
      target: DialTarget;
      mode: "simultaneous" | "sequential";
      timeoutS: number;
      record: boolean;
      whisper?: string;
      callerId?: string;
      /** Absent for the default target: the flow ends when that dial ends. */
      resume?: FlowResume;
    }
  | {
      kind: "menu";
      prompt: string;
      digits: string[];
      speech: boolean;
      timeoutS: number;
      resume: FlowResume;
    }
  | {
      kind: "voicemail";
      to: { kind: "email"; email: string } | { kind: "webhook"; url: string };
    }
  | { kind: "hangup" };

/** What the flow wants done with the call now, independent of any carrier. */
export interface FlowDecision {
  prelude: Prelude[];
  action: FlowAction;
  /** Tags set by `set` steps on the way. */
  tags: Record<string, string>;
  /** `webhook` steps passed on the way: the server posts the call to each. */
  webhooks: string[];
  /** `route_on_duty` steps for non-voice channels: notify these on-duty contacts. */
  forwards: { channelType: ChannelType; contacts: string[] }[];
  /** True when the flow failed and the default target was chosen. */
  fallback: boolean;
}

export interface TraceEntry {
  /** Step id; empty for entries about the whole flow (source fallbacks, the flow's end). */
  step: string;
  /** What happened at the step. */
  event:
    | "condition"
    | "skipped"
    | "action"
    | "input"
    | "source_fallback"
    | "error"
    | "default_target"
    | "end";
  /** The condition's value, for `condition`. */
  value?: unknown;
  detail: string;
}

export interface RunInput {
  now: Date;
  /** Resume after the carrier's action callback. */
  fromStep?: string;
  attempt?: number;
  digits?: string;
  speech?: string;
  /** How a resumed dial ended. */
  dialStatus?: "answered" | "no_answer";
}

export interface RunResult {
  decision: FlowDecision;
  trace: TraceEntry[];
}
