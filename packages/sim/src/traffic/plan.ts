import type { Channel, DeviceType } from "@ringtrail/core";
import type { LineType } from "@ringtrail/core/match";
import type { IpTable } from "../geo/ip-table";
import { areaCodesByRegion, regionOf, STATE_POPULATION } from "../geo/states";
import type { Rng } from "../random";
import type { Scenario } from "../scenario/schema";
import { BOT_AGENTS, userAgent } from "./agents";
import { arrivals } from "./arrivals";
import { innerPage, landing } from "./channels";
import type { NullCall, PlannedCall, PlannedSession, TrafficPlan, VisitorPlan } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The state weights of a scenario, as regions ("US-CA" -> weight). */
export function regionWeights(scenario: Scenario): Record<string, number> {
  const states = scenario.geo.states ?? STATE_POPULATION;
  return Object.fromEntries(Object.entries(states).map(([s, w]) => [regionOf(s), w ?? 0]));
}

/**
 * The whole ground truth of a run, drawn before any request is sent: every visitor's home,
 * device, caller id, sessions with their page views, and the calls they may place; calls with
 * no session; bot page views. Only what the server answers (sessions, numbers) is left to the
 * run, and the local-number lift, which needs the number shown.
 */
export function generatePlan(
  scenario: Scenario,
  start: number,
  ips: IpTable,
  rng: Rng,
): TrafficPlan {
  const regions = regionWeights(scenario);
  const visitors = arrivals(scenario, scenario.traffic.visitors_per_day, rng.fork(1)).map((t, id) =>
    visitor(scenario, start + t, id, regions, ips, rng.fork(id + 100)),
  );
  const webCalls = visitors.length * scenario.calls.probability;
  const nullRng = rng.fork(2);
  const nullCalls: NullCall[] = [];
  for (const kind of ["offline", "spam"] as const) {
    const share = kind === "offline" ? scenario.calls.offline_share : scenario.calls.spam_share;
    const perDay = (webCalls * share) / scenario.days;
    for (const t of arrivals(scenario, perDay, nullRng)) {
      const region = nullRng.weighted(regions);
      nullCalls.push({
        at: start + t,
        kind,
        caller: caller(region, regions, kind === "spam" ? 0 : 1, "desktop", scenario, nullRng),
        durationS:
          kind === "spam"
            ? Math.round(nullRng.exponential(8)) + 1
            : Math.round(nullRng.lognormal(120, 0.8)),
        draw: nullRng.next(),
      });
    }
  }
  const humanViews = visitors.reduce(
    (n, v) => n + v.sessions.reduce((m, s) => m + s.views.length, 0),
    0,
  );
  const botShare = scenario.bots.share;
  const botRng = rng.fork(3);
  const botPerDay = (humanViews * botShare) / (1 - botShare) / scenario.days;
  const bots = arrivals(scenario, botPerDay, botRng).map((t) => ({
    at: start + t,
    ua: botRng.pick(BOT_AGENTS),
    ip: ipFor(botRng.weighted(regions), ips, botRng),
    url: landing("organic_search", botRng).url,
  }));
  return { start, visitors, nullCalls, bots };
}

function visitor(
  scenario: Scenario,
  at: number,
  id: number,
  regions: Record<string, number>,
  ips: IpTable,
  rng: Rng,
): VisitorPlan {
  const region = rng.weighted(regions);
  const device = rng.weighted(scenario.devices) as DeviceType;
  const accuracy =
    device === "mobile" ? scenario.geo.ip_accuracy.mobile : scenario.geo.ip_accuracy.desktop;
  const ipRegion = rng.chance(accuracy) ? region : rng.weighted(regions);
  const { ua, viewport } = userAgent(device, rng);
  const sessions: PlannedSession[] = [];
  let t = at;
  for (let i = 0; i < scenario.returns.max_sessions; i++) {
    const channel: Channel =
      i > 0 && rng.chance(scenario.returns.direct_share)
        ? "direct"
        : rng.weighted(scenario.channels);
    const session = plannedSession(scenario, channel, t, rng);
    sessions.push(session);
    if (!rng.chance(scenario.returns.rate)) break;
    const last = session.views.at(-1)!;
    const { median_h, sigma } = scenario.returns.gap;
    t =
      last.at +
      last.dwellMs +
      Math.max(scenario.pool.hold_s * 1000 + MINUTE, rng.lognormal(median_h * HOUR, sigma));
  }
  return {
    id,
    region,
    ipRegion,
    ip: ipFor(ipRegion, ips, rng),
    device,
    ua,
    viewport,
    caller: caller(region, regions, scenario.calls.caller_area_match, device, scenario, rng),
    sessions,
    calls: plannedCalls(scenario, sessions, device, rng),
  };
}

function plannedSession(
  scenario: Scenario,
  channel: Channel,
  at: number,
  rng: Rng,
): PlannedSession {
  const count =
    1 + Math.min(49, Math.floor(rng.exponential(scenario.sessions.page_views_mean - 1 || 1e-9)));
  const views = [];
  let t = at;
  for (let i = 0; i < count; i++) {
    const page = i === 0 ? landing(channel, rng) : innerPage(rng);
    const { median_s, sigma } = scenario.sessions.dwell;
    const dwellMs = Math.min(30 * MINUTE, Math.max(3000, rng.lognormal(median_s * 1000, sigma)));
    views.push({ at: Math.round(t), dwellMs: Math.round(dwellMs), ...page });
    t += dwellMs;
  }
  return { channel, views };
}

function plannedCalls(
  scenario: Scenario,
  sessions: PlannedSession[],
  device: DeviceType,
  rng: Rng,
): PlannedCall[] {
  const c = scenario.calls;
  const last = sessions.at(-1)!.views.at(-1)!;
  const inSession = rng.chance(c.in_session_share);
  const telClick = inSession && device === "mobile" && rng.chance(c.tel_click_share);
  const at = inSession
    ? last.at + Math.round(last.dwellMs * (0.2 + 0.8 * rng.next()))
    : last.at +
      last.dwellMs +
      Math.round(rng.lognormal(c.delay.median_min * MINUTE, c.delay.sigma));
  const first: PlannedCall = {
    at,
    draw: rng.next(),
    telClick,
    inSession,
    durationS: duration(rng),
    repeat: false,
  };
  const calls = [first];
  if (rng.chance(c.repeat_rate)) {
    const later =
      at + Math.round(rng.lognormal(c.repeat_delay.median_h * HOUR, c.repeat_delay.sigma));
    calls.push({
      at: later,
      draw: 0,
      telClick: false,
      inSession: false,
      durationS: duration(rng),
      repeat: true,
    });
  }
  return calls;
}

const duration = (rng: Rng) => Math.max(5, Math.round(rng.lognormal(150, 0.9)));

/**
 * A caller id: an area code of the home state with probability `areaMatch` (mobile numbers
 * move with their owners, so often not), a mobile line for most mobile browsers.
 */
function caller(
  region: string,
  regions: Record<string, number>,
  areaMatch: number,
  device: DeviceType,
  scenario: Scenario,
  rng: Rng,
): { number: string; lineType: LineType; lineTypeKnown: boolean } {
  const codes = areaCodesByRegion();
  const home = rng.chance(areaMatch) ? region : rng.weighted(regions);
  const area = rng.pick(codes.get(home) ?? codes.get("US-NY") ?? ["212"]);
  let exchange = 200 + rng.int(800);
  if (exchange % 100 === 11 || exchange === 555) exchange += 1;
  const line = String(rng.int(10_000)).padStart(4, "0");
  const lineType: LineType = rng.chance(device === "mobile" ? 0.95 : 0.55) ? "mobile" : "landline";
  return {
    number: `+1${area}${exchange}${line}`,
    lineType,
    lineTypeKnown: rng.chance(scenario.calls.line_type_known),
  };
}

function ipFor(region: string, ips: IpTable, rng: Rng): string {
  const list = ips.get(region);
  if (list && list.length > 0) return rng.pick(list);
  const any = ips.get("US-NY") ?? ips.get("US-CA");
  return any && any.length > 0 ? rng.pick(any) : "";
}
