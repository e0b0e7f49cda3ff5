import type { CarrierName, RoutingDecision } from "@ringtrail/carriers";
import {
  defaultDial,
  type Flow,
  type FlowDecision,
  neededSources,
  type RunInput,
  runFlow,
  type TraceEntry,
} from "@ringtrail/core/flow";
import type { Services } from "../context";
import { flowOptions, validate } from "../routes/call-flows/store";
import { type FlowCall, fetchFlowData } from "./call-data";
import type { ResumeState } from "./resume-state";
import { nextInSequence, RoutingFailure, toRouting } from "./routing";

export interface FlowRun {
  carrier: CarrierName;
  carrierCallId: string;
  baseUrl: string;
  flowId: string;
  version: number;
  call: FlowCall;
  /** Set on an action callback: where to continue and what the caller did. */
  resume?: { state: ResumeState; input: Pick<RunInput, "digits" | "speech" | "dialStatus"> };
}

export interface FlowOutcome {
  routing: RoutingDecision;
  decision: FlowDecision | null;
  trace: TraceEntry[];
  fallback: boolean;
}

/**
 * Runs one step of a call's flow: loads and validates the version, fetches only the sources
 * the reachable steps need, runs core's flow and renders the decision for the carrier. Any
 * failure (a bad flow, a failing source, a CEL runtime error, an unknown agent) dials the
 * flow's default target, or the number's forward target when the flow itself is unreadable:
 * a caller is never dropped because of our error.
 */
export async function executeFlow(
  services: Services,
  run: FlowRun,
  unreadable: () => RoutingDecision,
): Promise<FlowOutcome> {
  const trace: TraceEntry[] = [];
  const flow = await loadFlow(services, run, trace);
  if (!flow) return { routing: unreadable(), decision: null, trace, fallback: true };
  const ctx = {
    services,
    accountId: run.call.accountId,
    carrier: run.carrier,
    carrierCallId: run.carrierCallId,
    trackingNumber: run.call.to,
    baseUrl: run.baseUrl,
    flowId: run.flowId,
    version: run.version,
    ...(run.call.speech && { speech: run.call.speech }),
  };
  try {
    const next = await sequentialNext(ctx, flow, run, trace);
    if (next) return { routing: next, decision: null, trace, fallback: false };
    const needed = neededSources(flow);
    const fetched = await fetchFlowData(services, flow, needed, run.call);
    trace.push(...fetched.notes);
    if (fetched.errors.length > 0) {
      for (const detail of fetched.errors) trace.push({ step: "", event: "error", detail });
      return await fallback(ctx, flow, trace);
    }
    const result = runFlow(flow, fetched.data, {
      now: new Date(run.call.now),
      ...(run.resume && {
        fromStep: run.resume.state.step,
        attempt: run.resume.state.attempt,
        ...run.resume.input,
      }),
    });
    trace.push(...result.trace);
    const routing = await toRouting(ctx, result.decision, trace);
    return { routing, decision: result.decision, trace, fallback: result.decision.fallback };
  } catch (error) {
    const detail = error instanceof RoutingFailure ? error.message : "internal error";
    if (!(error instanceof RoutingFailure))
      services.log.log("error", "call flow failed", {
        error: String(error instanceof Error ? error.stack : error),
      });
    trace.push({ step: "", event: "error", detail });
    return fallback(ctx, flow, trace);
  }
}

async function loadFlow(
  services: Services,
  run: FlowRun,
  trace: TraceEntry[],
): Promise<Flow | null> {
  const res = await services.database.reads.execute({
    sql: `SELECT v.document FROM call_flow_versions v JOIN call_flows f ON f.id = v.flow_id
      WHERE v.flow_id = ? AND v.version = ? AND f.account_id = ?`,
    args: [run.flowId, run.version, run.call.accountId],
  });
  const row = res.rows[0];
  if (!row) {
    trace.push({
      step: "",
      event: "error",
      detail: `flow ${run.flowId} v${run.version} not found`,
    });
    return null;
  }
  const result = validate(
    JSON.parse(String(row.document)),
    await flowOptions(services, run.call.accountId),
  );
  if (!result.ok) {
    const first = result.errors[0];
    trace.push({
      step: "",
      event: "error",
      detail: `flow does not validate now (${first?.path}: ${first?.message}); forwarding to the number's target`,
    });
    return null;
  }
  return result.flow;
}

/** A sequential dial that was not answered rings its next number before the flow moves on. */
async function sequentialNext(
  ctx: Parameters<typeof toRouting>[0],
  flow: Flow,
  run: FlowRun,
  trace: TraceEntry[],
): Promise<RoutingDecision | null> {
  const state = run.resume?.state;
  const action = state ? flow.steps[state.step]?.action : undefined;
  if (!state || action?.type !== "dial" || run.resume?.input.dialStatus === "answered") return null;
  const next = await nextInSequence(ctx, state, action);
  if (next?.kind === "forward")
    trace.push({
      step: state.step,
      event: "action",
      detail: `no answer; ringing ${next.to[0]} next`,
    });
  return next;
}

async function fallback(
  ctx: Parameters<typeof toRouting>[0],
  flow: Flow,
  trace: TraceEntry[],
): Promise<FlowOutcome> {
  trace.push({
    step: "",
    event: "default_target",
    detail: "dialing the default target after an error",
  });
  const decision: FlowDecision = {
    prelude: [],
    action: defaultDial(flow),
    tags: {},
    webhooks: [],
    forwards: [],
    fallback: true,
  };
  return { routing: await toRouting(ctx, decision, trace), decision, trace, fallback: true };
}
