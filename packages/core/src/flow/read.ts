import type { FlowError } from "./types";

/** Field readers that record schema errors with JSON paths instead of throwing. */
export class Reader {
  readonly errors: FlowError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (isRecord(value)) return value;
    return this.fail(path, "must be an object");
  }

  /** Reports fields outside `allowed`, which are most often typos. */
  only(obj: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(join(path, key), `unknown field "${key}"`);
    }
  }

  string(obj: Record<string, unknown>, path: string, key: string): string | undefined {
    const value = obj[key];
    if (typeof value === "string" && value.length > 0) return value;
    return this.fail(
      join(path, key),
      value === undefined ? "is required" : "must be a non-empty string",
    );
  }

  optString(obj: Record<string, unknown>, path: string, key: string): string | undefined {
    return obj[key] === undefined ? undefined : this.string(obj, path, key);
  }

  boolean(obj: Record<string, unknown>, path: string, key: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined) return fallback;
    if (typeof value === "boolean") return value;
    this.fail(join(path, key), "must be true or false");
    return fallback;
  }

  /** An integer in [min, max], or `fallback` when absent. */
  int(obj: Record<string, unknown>, path: string, key: string, range: IntRange): number {
    const value = obj[key];
    if (value === undefined) {
      if (range.fallback === undefined) this.fail(join(path, key), "is required");
      return range.fallback ?? range.min;
    }
    if (
      typeof value === "number" &&
      Number.isInteger(value) &&
      value >= range.min &&
      value <= range.max
    ) {
      return value;
    }
    this.fail(join(path, key), `must be an integer from ${range.min} to ${range.max}`);
    return range.fallback ?? range.min;
  }

  oneOf<T extends string>(
    obj: Record<string, unknown>,
    path: string,
    key: string,
    options: readonly T[],
    fallback?: T,
  ): T | undefined {
    const value = obj[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === "string" && (options as readonly string[]).includes(value))
      return value as T;
    return this.fail(join(path, key), `must be one of ${options.map((o) => `"${o}"`).join(", ")}`);
  }

  /** A non-empty list of E.164 numbers. */
  numbers(value: unknown, path: string): [string, ...string[]] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      return this.fail(path, "must be a non-empty list of E.164 numbers");
    }
    let ok = true;
    value.forEach((n, i) => {
      if (typeof n !== "string" || !E164.test(n)) {
        ok = false;
        this.fail(`${path}[${i}]`, "must be an E.164 number like +14155550100");
      }
    });
    return ok ? (value as [string, ...string[]]) : undefined;
  }

  httpsUrl(
    obj: Record<string, unknown>,
    path: string,
    key: string,
    loopbackHttp = false,
  ): string | undefined {
    const url = this.string(obj, path, key);
    if (url === undefined) return undefined;
    if (parseHttps(url, loopbackHttp) === undefined)
      return this.fail(join(path, key), "must be an https URL");
    return url;
  }
}

export interface IntRange {
  min: number;
  max: number;
  fallback?: number;
}

export const E164 = /^\+[1-9]\d{1,14}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Parses an https URL after filling `{placeholders}`, which may only appear after the host.
 * With `loopbackHttp` plain http to a loopback host passes too (tests run local servers).
 */
export function parseHttps(url: string, loopbackHttp = false): URL | undefined {
  try {
    const parsed = new URL(url.replace(/\{[a-z_]+\}/g, "x"));
    const scheme =
      parsed.protocol === "https:" ||
      (loopbackHttp && parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname));
    return scheme && !url.slice(0, parsed.protocol.length + 2 + parsed.host.length).includes("{")
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}
