import { E164, isRecord, join, parseHttps, type Reader } from "./read";
import {
  CHANNEL_TYPES,
  type DefaultTarget,
  type DialTarget,
  type Flow,
  SOURCE_KEYS,
  type SourceSpec,
  type Step,
  type StepAction,
} from "./types";
import { isTimeZone } from "./tz";
import type { ValidateFlowOptions } from "./validate";

const ACTIONS = [
  "dial",
  "route_on_duty",
  "menu",
  "say",
  "play",
  "voicemail",
  "set",
  "webhook",
  "hangup",
] as const;
const SOURCE_TYPES = [
  "caller",
  "attribution",
  "schedule",
  "geo",
  "event",
  "clock",
  "table",
  "http",
] as const;
const DIGIT = /^[0-9*#]$/;
/** Names CEL or the engine reserve; a source cannot take them. */
const RESERVED = new Set([
  "input",
  "true",
  "false",
  "null",
  "in",
  "as",
  "has",
  "dyn",
  "int",
  "map",
]);
const NAME = /^[a-z_][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the document's structure; graph and CEL checks come after, in validate.ts. */
export function readFlow(doc: unknown, r: Reader, options: ValidateFlowOptions): Flow | undefined {
  const root = r.object(doc, "$");
  if (!root) return undefined;
  r.only(root, "", ["version", "sources", "steps", "start", "default_target"]);
  if (root.version !== 1) r.fail("version", "must be 1");
  const sources = readSources(root.sources, r, options);
  const steps: Record<string, Step> = {};
  const rawSteps = r.object(root.steps ?? {}, "steps") ?? {};
  if (Object.keys(rawSteps).length === 0) r.fail("steps", "must contain at least one step");
  for (const [id, raw] of Object.entries(rawSteps)) {
    if (!NAME.test(id)) r.fail(join("steps", id), "step id must match [a-z_][a-z0-9_]*");
    const step = readStep(id, raw, r, options.loopbackHttp ?? false);
    if (step) steps[id] = step;
  }
  const start = r.string(root, "", "start");
  const defaultTarget = readDefaultTarget(root.default_target, r);
  if (!start || !defaultTarget || !sources) return undefined;
  return { version: 1, sources, steps, start, defaultTarget };
}

function readSources(
  value: unknown,
  r: Reader,
  options: ValidateFlowOptions,
): Record<string, SourceSpec> | undefined {
  const raw = r.object(value ?? {}, "sources");
  if (!raw) return undefined;
  const out: Record<string, SourceSpec> = {};
  for (const [name, spec] of Object.entries(raw)) {
    const path = join("sources", name);
    if (!NAME.test(name) || RESERVED.has(name)) {
      r.fail(path, `"${name}" is not a usable source name`);
      continue;
    }
    const obj = r.object(spec, path);
    const type = obj && r.oneOf(obj, path, "type", SOURCE_TYPES);
    if (!obj || !type) continue;
    if (type === "table") {
      r.only(obj, path, ["type", "name", "key"]);
      const table = r.string(obj, path, "name");
      const key = r.oneOf(obj, path, "key", SOURCE_KEYS, "caller_number");
      if (table && key) out[name] = { type, name: table, key };
    } else if (type === "http") {
      r.only(obj, path, ["type", "url", "timeout_ms", "ttl_s", "fallback"]);
      const url = r.httpsUrl(obj, path, "url", options.loopbackHttp);
      const timeoutMs = r.int(obj, path, "timeout_ms", { min: 50, max: 3000, fallback: 1500 });
      const ttlS = r.int(obj, path, "ttl_s", { min: 0, max: 86_400, fallback: 60 });
      if (!("fallback" in obj))
        r.fail(join(path, "fallback"), "is required so a failing request still routes");
      const origin = url ? parseHttps(url, options.loopbackHttp)?.origin : undefined;
      const unknown = url
        ?.match(/\{[^}]*\}/g)
        ?.find((p) => p !== "{caller_number}" && p !== "{called_number}");
      if (unknown) {
        r.fail(
          join(path, "url"),
          `unknown placeholder ${unknown}; use {caller_number} or {called_number}`,
        );
      } else if (
        url &&
        !options.httpAllowList.some(
          (entry) => parseHttps(entry, options.loopbackHttp)?.origin === origin,
        )
      ) {
        r.fail(join(path, "url"), `host ${origin} is not on the account's allow-list`);
      } else if (url) {
        out[name] = { type, url, timeoutMs, ttlS, fallback: obj.fallback };
      }
    } else if (type === "clock") {
      r.only(obj, path, ["type", "time_zone", "holidays"]);
      const timeZone = r.optString(obj, path, "time_zone");
      if (timeZone !== undefined && !isTimeZone(timeZone))
        r.fail(join(path, "time_zone"), `unknown time zone "${timeZone}"`);
      const holidays = obj.holidays;
      const dates = Array.isArray(holidays) ? holidays : [];
      if (
        holidays !== undefined &&
        (!Array.isArray(holidays) || dates.some((d) => typeof d !== "string" || !DATE.test(d)))
      )
        r.fail(join(path, "holidays"), "must be a list of dates like 2026-12-25");
      out[name] = {
        type,
        ...(timeZone !== undefined && { timeZone }),
        ...(holidays !== undefined && { holidays: dates as string[] }),
      };
    } else {
      r.only(obj, path, ["type"]);
      out[name] = { type };
    }
  }
  return out;
}

function readStep(id: string, value: unknown, r: Reader, loopbackHttp: boolean): Step | undefined {
  const path = join("steps", id);
  const obj = r.object(value, path);
  if (!obj) return undefined;
  r.only(obj, path, ["when", "next", "on_no_answer", ...ACTIONS]);
  const present = ACTIONS.filter((a) => obj[a] !== undefined);
  if (present.length !== 1) {
    r.fail(path, `must have exactly one action (${ACTIONS.join(", ")}), found ${present.length}`);
    return undefined;
  }
  const [kind] = present as [(typeof ACTIONS)[number]];
  const action = readAction(kind, obj[kind], join(path, kind), r, loopbackHttp);
  const when = r.optString(obj, path, "when");
  const next = r.optString(obj, path, "next");
  const onNoAnswer = r.optString(obj, path, "on_no_answer");
  if (onNoAnswer && kind !== "dial" && kind !== "route_on_duty") {
    r.fail(join(path, "on_no_answer"), "only applies to dial and route_on_duty");
  }
  if (!action) return undefined;
  return {
    id,
    action,
    ...(when && { when }),
    ...(next && { next }),
    ...(onNoAnswer && { onNoAnswer }),
  };
}

function readAction(
  kind: (typeof ACTIONS)[number],
  value: unknown,
  path: string,
  r: Reader,
  loopbackHttp: boolean,
): StepAction | undefined {
  const obj = r.object(value, path);
  if (!obj) return undefined;
  switch (kind) {
    case "dial": {
      r.only(obj, path, ["to", "mode", "timeout_s", "record", "whisper", "caller_id"]);
      const to = readDialTarget(obj.to, join(path, "to"), r);
      const mode = r.oneOf(obj, path, "mode", ["simultaneous", "sequential"], "simultaneous");
      const timeoutS = r.int(obj, path, "timeout_s", { min: 5, max: 120, fallback: 30 });
      const record = r.boolean(obj, path, "record", false);
      const whisper = r.optString(obj, path, "whisper");
      const callerId = r.optString(obj, path, "caller_id");
      if (callerId && !E164.test(callerId))
        r.fail(join(path, "caller_id"), "must be an E.164 number");
      if (!to || !mode) return undefined;
      return {
        type: kind,
        to,
        mode,
        timeoutS,
        record,
        ...(whisper && { whisper }),
        ...(callerId && { callerId }),
      };
    }
    case "route_on_duty": {
      r.only(obj, path, ["channel_type", "timeout_s", "record"]);
      const channelType = r.oneOf(obj, path, "channel_type", CHANNEL_TYPES, "voice");
      const timeoutS = r.int(obj, path, "timeout_s", { min: 5, max: 120, fallback: 30 });
      const record = r.boolean(obj, path, "record", false);
      return channelType && { type: kind, channelType, timeoutS, record };
    }
    case "menu": {
      r.only(obj, path, ["prompt", "digits", "speech", "timeout_s", "no_input", "max_attempts"]);
      const prompt = r.string(obj, path, "prompt");
      const digits: Record<string, string> = {};
      for (const [digit, target] of Object.entries(
        r.object(obj.digits, join(path, "digits")) ?? {},
      )) {
        if (!DIGIT.test(digit))
          r.fail(join(join(path, "digits"), digit), "must be a single key 0-9, * or #");
        else if (typeof target !== "string")
          r.fail(join(join(path, "digits"), digit), "must be a step id");
        else digits[digit] = target;
      }
      const speech = r.boolean(obj, path, "speech", false);
      const timeoutS = r.int(obj, path, "timeout_s", { min: 1, max: 60, fallback: 5 });
      const noInput = r.optString(obj, path, "no_input");
      const maxAttempts = r.int(obj, path, "max_attempts", { min: 1, max: 5, fallback: 3 });
      if (!prompt) return undefined;
      return {
        type: kind,
        prompt,
        digits,
        speech,
        timeoutS,
        maxAttempts,
        ...(noInput && { noInput }),
      };
    }
    case "say": {
      r.only(obj, path, ["text"]);
      const text = r.string(obj, path, "text");
      return text === undefined ? undefined : { type: kind, text };
    }
    case "play":
    case "webhook": {
      r.only(obj, path, ["url"]);
      const url = r.httpsUrl(obj, path, "url", loopbackHttp);
      return url === undefined ? undefined : { type: kind, url };
    }
    case "voicemail": {
      r.only(obj, path, ["to"]);
      const to = r.object(obj.to, join(path, "to"));
      if (!to) return undefined;
      const toPath = join(path, "to");
      r.only(to, toPath, ["email", "webhook"]);
      if (to.email !== undefined && to.webhook === undefined) {
        const email = r.string(to, toPath, "email");
        if (email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          return { type: kind, to: { kind: "email", email } };
        return r.fail(join(toPath, "email"), "must be an email address");
      }
      if (to.webhook !== undefined && to.email === undefined) {
        const url = r.httpsUrl(to, toPath, "webhook");
        return url === undefined ? undefined : { type: kind, to: { kind: "webhook", url } };
      }
      return r.fail(toPath, "must have exactly one of email or webhook");
    }
    case "set": {
      r.only(obj, path, ["tags"]);
      const tags = r.object(obj.tags, join(path, "tags")) ?? {};
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(tags)) {
        if (typeof v === "string") out[k] = v;
        else r.fail(join(join(path, "tags"), k), "must be a string");
      }
      return { type: kind, tags: out };
    }
    case "hangup":
      r.only(obj, path, []);
      return { type: kind };
  }
}

function readDialTarget(value: unknown, path: string, r: Reader): DialTarget | undefined {
  if (Array.isArray(value)) {
    const numbers = r.numbers(value, path);
    return numbers && { kind: "numbers", numbers };
  }
  if (isRecord(value) && typeof value.agent === "string" && Object.keys(value).length === 1) {
    return { kind: "agent", agentId: value.agent };
  }
  if (isRecord(value) && typeof value.group === "string" && Object.keys(value).length === 1) {
    return { kind: "group", groupId: value.group };
  }
  return r.fail(path, 'must be a list of E.164 numbers, {"agent": id} or {"group": id}');
}

function readDefaultTarget(value: unknown, r: Reader): DefaultTarget | undefined {
  if (value === undefined)
    return r.fail("default_target", "is required: the safe fallback when anything fails");
  const obj = r.object(value, "default_target");
  if (!obj) return undefined;
  r.only(obj, "default_target", ["to", "caller_id", "timeout_s"]);
  const numbers = r.numbers(obj.to, "default_target.to");
  const callerId = r.optString(obj, "default_target", "caller_id");
  const timeoutS = r.int(obj, "default_target", "timeout_s", { min: 5, max: 120, fallback: 30 });
  return numbers && { numbers, timeoutS, ...(callerId && { callerId }) };
}
