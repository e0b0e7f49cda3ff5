import { phoneRegion } from "@ringtrail/core/phone";
import type { Scenario } from "../scenario/schema";
import type { PlannedCall, TrafficPlan, VisitorPlan } from "../traffic/types";
import type { CallTruth } from "../truth/calls";
import { Ledger } from "../truth/ledger";
import type { CallRequest, Dni } from "./dni";
import { runInTimeOrder, type ScheduleOptions, type TimedAction } from "./scheduler";

export interface RunResult {
  ledger: Ledger;
  calls: CallTruth[];
  /** Bot page views, and how many of them were shown a tracking number. */
  bots: { views: number; numbered: number };
  /** Planned web calls that could not be placed because the visitor was shown no number. */
  callsWithoutNumber: number;
  /** Page views shown a number local to the visitor's IP region, and all numbered views. */
  localViews: { local: number; numbered: number };
}

interface VisitorState {
  visitorId: string | null;
  session: string | null;
  number: string | null;
  /** Session and number of the view the caller last saw. */
  called: boolean;
}

const TEL_CLICK_LEAD_MS = 3000;
/**
 * The script beats this often while its page is visible (the server's `beat_s`), and once
 * more on pagehide. A page that beat only on pagehide made a call placed during a long view
 * look minutes old, where the server would see it at most 30 s old.
 */
const BEAT_MS = 30_000;

/**
 * Plays a traffic plan against a DNI service in simulated-time order, recording the truth:
 * which session was shown which number (the ledger), and every call with its true session
 * and candidate sessions at call time.
 */
export async function playPlan(
  scenario: Scenario,
  plan: TrafficPlan,
  dni: Dni,
  schedule: ScheduleOptions,
): Promise<RunResult> {
  const ledger = new Ledger(scenario.pool.hold_s * 1000);
  const result: RunResult = {
    ledger,
    calls: [],
    bots: { views: 0, numbered: 0 },
    callsWithoutNumber: 0,
    localViews: { local: 0, numbered: 0 },
  };
  const linked = new Map<string, Set<string>>();
  let sidCounter = 0;
  const sid = () => `CA${(++sidCounter).toString(16).padStart(32, "0")}`;
  const actions: TimedAction[] = [];
  const placed_ = new Map<object, CallRequest>();
  const endCall = async (req: CallRequest | undefined) => {
    if (req) await dni.end(req);
  };

  const record = (
    call: Omit<CallTruth, "match" | "candidates" | "baseline">,
    lineType: CallTruth["match"]["lineType"],
  ) => {
    const history = [...(linked.get(call.from) ?? [])];
    const truth: CallTruth = {
      ...call,
      match: {
        at: call.at,
        to: call.to,
        callerRegion: phoneRegion(call.from),
        callerCountry: "US",
        lineType,
        callerHistory: { visitorIds: history },
      },
      candidates: ledger.candidates(call.to, call.at),
      baseline: ledger.lastHolder(call.to, call.at)?.id ?? null,
    };
    result.calls.push(truth);
    const visitorId = call.session ? ledger.sessions.get(call.session)?.visitorId : null;
    if (visitorId) linked.set(call.from, new Set([...(linked.get(call.from) ?? []), visitorId]));
  };

  for (const v of plan.visitors) {
    const state: VisitorState = { visitorId: null, session: null, number: null, called: false };
    for (const s of v.sessions) {
      for (const view of s.views) {
        actions.push({
          at: view.at,
          chain: v.id,
          run: async () => {
            const answer = await dni.visit({
              at: view.at,
              visitorKey: v.id,
              visitorId: state.visitorId,
              url: view.url,
              referrer: view.referrer,
              ua: v.ua,
              ip: v.ip,
              viewport: v.viewport,
              device: v.device,
              region: v.ipRegion,
            });
            state.visitorId = answer.visitor ?? state.visitorId;
            state.session = answer.session;
            state.number = answer.number;
            if (!answer.session) return;
            if (answer.number) {
              result.localViews.numbered++;
              if (phoneRegion(answer.number) === v.ipRegion) result.localViews.local++;
            }
            ledger.view(
              view.at,
              {
                id: answer.session,
                visitorId: answer.visitor,
                visitor: v.id,
                channel: s.channel,
                region: v.ipRegion,
                device: v.device,
              },
              answer.number,
            );
          },
        });
        const end = view.at + view.dwellMs;
        for (let at = view.at + BEAT_MS; at < end; at += BEAT_MS)
          actions.push({ at, chain: v.id, run: () => beat(state, at, null) });
        actions.push({ at: end, chain: v.id, run: () => beat(state, end, null) });
      }
    }
    for (const call of v.calls) addCall(v, state, call);
  }

  async function beat(
    state: VisitorState,
    at: number,
    telClick: { number: string; at: number } | null,
  ) {
    if (!state.session) return;
    ledger.beat(state.session, at, telClick);
    await dni.beat(state.session, at, telClick);
  }

  function addCall(v: VisitorPlan, state: VisitorState, call: PlannedCall) {
    const placed = () => {
      if (call.repeat) return state.called;
      if (!state.number) return false;
      const local = phoneRegion(state.number) === v.region;
      return (
        call.draw < scenario.calls.probability * (local ? scenario.calls.local_number_lift : 1)
      );
    };
    if (call.telClick) {
      const clickAt = call.at - TEL_CLICK_LEAD_MS;
      actions.push({
        at: clickAt,
        chain: v.id,
        run: async () => {
          if (state.number && placed())
            await beat(state, clickAt, { number: state.number, at: clickAt });
        },
      });
    }
    actions.push({
      at: call.at,
      chain: v.id,
      run: async () => {
        if (!call.repeat && !state.number && call.draw < scenario.calls.probability)
          result.callsWithoutNumber++;
        if (!placed() || !state.number) return;
        state.called = true;
        const lineType = v.caller.lineTypeKnown ? v.caller.lineType : null;
        const req = {
          sid: sid(),
          at: call.at,
          from: v.caller.number,
          to: state.number,
          lineType,
          durationS: call.durationS,
        };
        record(
          {
            sid: req.sid,
            kind: call.repeat ? "repeat" : "web",
            at: call.at,
            from: req.from,
            to: req.to,
            session: state.session,
            visitor: v.id,
          },
          lineType,
        );
        placed_.set(call, req);
        await dni.call(req);
      },
    });
    actions.push({
      at: call.at + call.durationS * 1000,
      chain: v.id,
      run: () => endCall(placed_.get(call)),
    });
  }

  for (const c of plan.nullCalls) {
    actions.push({
      at: c.at,
      chain: -1,
      run: async () => {
        const to = dni.numbers[Math.floor(c.draw * dni.numbers.length)];
        if (!to) return;
        const lineType = c.caller.lineTypeKnown ? c.caller.lineType : null;
        const req = {
          sid: sid(),
          at: c.at,
          from: c.caller.number,
          to,
          lineType,
          durationS: c.durationS,
        };
        record(
          {
            sid: req.sid,
            kind: c.kind,
            at: c.at,
            from: req.from,
            to,
            session: null,
            visitor: null,
          },
          lineType,
        );
        placed_.set(c, req);
        await dni.call(req);
      },
    });
    actions.push({ at: c.at + c.durationS * 1000, chain: -1, run: () => endCall(placed_.get(c)) });
  }
  plan.bots.forEach((b, i) => {
    actions.push({
      at: b.at,
      chain: -2 - i,
      run: async () => {
        const answer = await dni.visit({
          at: b.at,
          visitorKey: -1,
          visitorId: null,
          url: b.url,
          referrer: null,
          ua: b.ua,
          ip: b.ip,
          viewport: [1280, 800],
          device: "desktop",
          region: "",
        });
        result.bots.views++;
        if (answer.number) result.bots.numbered++;
      },
    });
  });
  await runInTimeOrder(actions, schedule);
  return result;
}
