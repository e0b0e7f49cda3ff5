import { clockData, type Flow, type TraceEntry } from "@ringtrail/core/flow";
import { phoneCountry, phoneRegion } from "@ringtrail/core/phone";
import type { MatchOutcome } from "../attribution/index";
import type { Services } from "../context";
import { accountAllowList } from "../sources/allow-list";
import { fillUrl } from "../sources/http-source";
import { accountSchedule } from "../sources/schedule";
import { lookupTable } from "../sources/tables";
import { callerData } from "./caller-data";
import { eventData } from "./event-data";

/** Our own sources (database reads) get this long; an http source has its own timeout. */
const SOURCE_TIMEOUT_MS = 1000;

/** The call as a flow sees it. */
export interface FlowCall {
  accountId: string;
  callId: string;
  /** E.164 or "anonymous". */
  from: string;
  to: string;
  callerRegion: string | null;
  now: number;
  /** The match computed before the reply; null when unmatched (or on a callback). */
  match: MatchOutcome | null;
  speech?: { text: string; confidence: number };
}

export interface FlowData {
  data: Record<string, unknown>;
  /** Trace entries about the fetch: http fallbacks with their reason. */
  notes: TraceEntry[];
  /** Sources that failed and have no fallback: the call goes to the default target. */
  errors: string[];
}

/**
 * Fetches the sources a flow's reachable steps need, all at once, each within its timeout.
 * An http source that fails is left out (the run uses its fallback, and the reason is noted);
 * any other failure is an error.
 */
export async function fetchFlowData(
  services: Services,
  flow: Flow,
  needed: readonly string[],
  call: FlowCall,
): Promise<FlowData> {
  const out: FlowData = { data: {}, notes: [], errors: [] };
  await Promise.all(
    needed.map(async (name) => {
      const spec = flow.sources[name];
      if (!spec) return;
      if (spec.type === "http") {
        const result = await services.httpSources.get({
          accountId: call.accountId,
          allowList: await accountAllowList(services, call.accountId),
          url: fillUrl(spec.url, { caller_number: call.from, called_number: call.to }),
          timeoutMs: spec.timeoutMs,
          ttlS: spec.ttlS,
        });
        if (result.ok) out.data[name] = result.value;
        else
          out.notes.push({
            step: "",
            event: "source_fallback",
            detail: `source "${name}" failed (${result.reason}); using its fallback`,
          });
        return;
      }
      try {
        out.data[name] = await bounded(sourceValue(services, spec, call), SOURCE_TIMEOUT_MS);
      } catch (error) {
        out.errors.push(
          `source "${name}" failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  );
  return out;
}

async function sourceValue(
  services: Services,
  spec: Exclude<Flow["sources"][string], { type: "http" }>,
  call: FlowCall,
): Promise<unknown> {
  const known = call.from !== "anonymous";
  switch (spec.type) {
    case "caller":
      return callerData(services, {
        accountId: call.accountId,
        from: call.from,
        callId: call.callId,
        now: call.now,
        ...(call.speech && { speech: call.speech }),
      });
    case "attribution":
      // A callback has no fresh match: the one stored with the call at its start is read.
      return call.match ? attributionData(call.match) : storedAttribution(services, call.callId);
    case "schedule":
      return accountSchedule(services, call.accountId, new Date(call.now));
    case "geo":
      return {
        region: call.callerRegion ?? (known ? phoneRegion(call.from) : null),
        country: known ? phoneCountry(call.from) : null,
      };
    case "event":
      return eventData(
        services.database.client,
        call.accountId,
        known ? call.from : null,
        call.callerRegion ?? (known ? phoneRegion(call.from) : null),
        call.now,
      );
    case "clock":
      return clockData(new Date(call.now), spec.timeZone ?? "UTC", spec.holidays);
    case "table": {
      const key = spec.key === "caller_number" ? call.from : call.to;
      return lookupTable(services, call.accountId, spec.name, key);
    }
  }
}

/** The most probable session's last-touch credit, as matched before the reply. */
function attributionData(match: MatchOutcome | null) {
  const best = match?.credit
    .filter((c) => c.model === "last")
    .sort((a, b) => b.weight - a.weight)[0];
  if (!match || !best) return { matched: false, channel: null, probability: 0 };
  const probability = match.matches.find((m) => m.sessionId === best.sessionId)?.probability ?? 0;
  return {
    matched: true,
    session: best.sessionId,
    channel: best.touch.channel,
    source: best.touch.source,
    landing_page: best.touch.landingPath,
    campaign: best.touch.campaign,
    probability,
  };
}

/** The call's stored last-touch credit (the start-of-call match), in the same shape. */
async function storedAttribution(services: Services, callId: string) {
  const res = await services.database.reads.execute({
    sql: `SELECT a.session_id, a.channel, a.source, a.campaign, a.landing_path,
        (SELECT MAX(m.probability) FROM call_matches m
          WHERE m.call_id = a.call_id AND m.session_id = a.session_id) AS probability
      FROM attributions a WHERE a.call_id = ? AND a.model = 'last'
      ORDER BY a.weight DESC LIMIT 1`,
    args: [callId],
  });
  const row = res.rows[0];
  if (!row) return { matched: false, channel: null, probability: 0 };
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    matched: true,
    session: String(row.session_id),
    channel: String(row.channel),
    source: text(row.source),
    campaign: text(row.campaign),
    landing_page: text(row.landing_path),
    probability: Number(row.probability ?? 0),
  };
}

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
