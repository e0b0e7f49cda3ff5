import { CHANNELS, DEVICE_TYPES } from "../visit";
import type { HourWindow, PoolRules } from "./types";

export type ParsePoolRulesResult =
  | { ok: true; rules: PoolRules }
  | {
      ok: false;
      /** Where the problem is, e.g. "not.region[1]"; "" for the rules object itself. */
      path: string;
      message: string;
    };

// Bounds that no sensible rule set reaches; they keep a hostile or runaway request from
// making every visit evaluate megabytes of rules.
const MAX_ENTRIES = 500;
const MAX_LENGTH = 256;
const MAX_NOT_DEPTH = 4;

const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** Raised inside the parser and turned into the `{ ok: false }` result at the top. */
class RuleError {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

/**
 * Validates untrusted rules (an API body, a database column) and returns them normalized:
 * strings lower-cased, regions upper-cased, a leading "www." dropped from referrer domains.
 *
 * Unknown keys are errors rather than ignored: a misspelt "chanel" would otherwise be
 * silently dropped and the pool would match every visit. Empty lists are errors too, since
 * a list that can match nothing is never what the author meant.
 *
 * @example
 * parsePoolRules({ channel: ["paid_search"], region: ["US-CA"] })
 * // { ok: true, rules: { channel: ["paid_search"], region: ["US-CA"] } }
 * parsePoolRules({ hours: { from: 25, to: 3 } })
 * // { ok: false, path: "hours.from", message: "must be an integer from 0 to 23" }
 */
export function parsePoolRules(input: unknown): ParsePoolRulesResult {
  try {
    return { ok: true, rules: parseRules(input, "", 0) };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}

function parseRules(input: unknown, at: string, depth: number): PoolRules {
  if (!isRecord(input)) throw new RuleError(at, "must be an object");
  const rules: PoolRules = {};
  for (const [key, value] of Object.entries(input)) {
    const path = at === "" ? key : `${at}.${key}`;
    // JSON may carry explicit nulls for "no condition"; treat them like an absent key.
    if (value === undefined || value === null) continue;
    switch (key) {
      case "channel":
        rules.channel = list(value, path, (v, p) => member(v, p, CHANNELS));
        break;
      case "device":
        rules.device = list(value, path, (v, p) => member(v, p, DEVICE_TYPES));
        break;
      case "source":
      case "medium":
      case "campaign":
      case "term":
        rules[key] = list(value, path, (v, p) => text(v, p).toLowerCase());
        break;
      case "path":
        rules.path = list(value, path, pathGlob);
        break;
      case "referrer_domain":
        rules.referrer_domain = list(value, path, domain);
        break;
      case "region":
        rules.region = list(value, path, region);
        break;
      case "hours":
        rules.hours = hours(value, path);
        break;
      case "not":
        if (depth >= MAX_NOT_DEPTH) throw new RuleError(path, "is nested too deeply");
        rules.not = parseRules(value, path, depth + 1);
        if (Object.keys(rules.not).length === 0) {
          throw new RuleError(path, "must have at least one condition ({} would match nothing)");
        }
        break;
      default:
        throw new RuleError(path, "is not a known rule");
    }
  }
  return rules;
}

function list<T>(value: unknown, at: string, item: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new RuleError(at, "must be an array");
  if (value.length === 0) throw new RuleError(at, "must not be empty");
  if (value.length > MAX_ENTRIES)
    throw new RuleError(at, `must have at most ${MAX_ENTRIES} entries`);
  return value.map((v: unknown, i) => item(v, `${at}[${i}]`));
}

function text(value: unknown, at: string): string {
  if (typeof value !== "string") throw new RuleError(at, "must be a string");
  const trimmed = value.trim();
  if (trimmed === "") throw new RuleError(at, "must not be blank");
  if (trimmed.length > MAX_LENGTH) {
    throw new RuleError(at, `must be at most ${MAX_LENGTH} characters`);
  }
  return trimmed;
}

function member<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
  const s = text(value, at).toLowerCase();
  const found = allowed.find((a) => a === s);
  if (found === undefined) throw new RuleError(at, `must be one of ${allowed.join(", ")}`);
  return found;
}

function pathGlob(value: unknown, at: string): string {
  const s = text(value, at).toLowerCase();
  if (!s.startsWith("/") && !s.startsWith("*")) {
    throw new RuleError(at, 'must start with "/" (a page path such as "/pricing*")');
  }
  if (s.includes("?") || s.includes("#")) {
    throw new RuleError(at, "must not contain a query string or fragment");
  }
  return s;
}

function domain(value: unknown, at: string): string {
  const s = text(value, at).toLowerCase();
  if (!DOMAIN.test(s)) {
    throw new RuleError(at, 'must be a bare domain such as "google.com", without scheme or path');
  }
  // Referrers reach core with "www." already removed, so a rule keeping it could never match.
  return s.startsWith("www.") ? s.slice(4) : s;
}

function region(value: unknown, at: string): string {
  const s = text(value, at).toUpperCase();
  if (!REGION.test(s)) {
    throw new RuleError(at, 'must be a country ("US") or an ISO 3166-2 region ("US-CA")');
  }
  return s;
}

function hours(value: unknown, at: string): HourWindow {
  if (!isRecord(value)) throw new RuleError(at, "must be an object {from, to}");
  for (const key of Object.keys(value)) {
    if (key !== "from" && key !== "to") throw new RuleError(`${at}.${key}`, "is not a known field");
  }
  const from = hour(value.from, `${at}.from`, 23);
  const to = hour(value.to, `${at}.to`, 24);
  if (from === to) {
    throw new RuleError(at, "must not be empty; omit hours to match the whole day");
  }
  return { from, to };
}

function hour(value: unknown, at: string, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new RuleError(at, `must be an integer from 0 to ${max}`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
