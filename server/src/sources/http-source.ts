import { resolvesPrivate } from "../outbound/resolves-private";
import { allowListOrigin } from "./allow-list";

export interface HttpSourceOptions {
  now: () => number;
  /** Allow plain http to loopback hosts: only for tests against local servers. */
  loopbackHttp?: boolean;
  /** Largest response body read; a bigger one fails (and the source falls back). */
  maxBytes?: number;
  /** Cached responses kept across accounts; the oldest is dropped first. */
  maxEntries?: number;
}

export interface HttpSourceRequest {
  accountId: string;
  /** The account's allow-list now: checked again at fetch time, entries may have been removed. */
  allowList: readonly string[];
  /** The URL with its placeholders already filled (see `fillUrl`). */
  url: string;
  timeoutMs: number;
  ttlS: number;
}

export type HttpSourceResult =
  | { ok: true; value: unknown; cached: boolean }
  | { ok: false; reason: string };

/** `{caller_number}` / `{called_number}` in a source URL, filled and escaped. */
export function fillUrl(
  template: string,
  values: { caller_number: string; called_number: string },
): string {
  return template
    .replaceAll("{caller_number}", encodeURIComponent(values.caller_number))
    .replaceAll("{called_number}", encodeURIComponent(values.called_number));
}

/**
 * Fetches `http` flow sources: a GET of JSON from a host on the account's allow-list, within
 * the source's timeout (headers and body together), at most `maxBytes`, never following a
 * redirect (it could leave the allow-list), cached for the source's TTL. It never throws:
 * every failure is a reason, and the flow then uses the source's fallback value.
 */
export class HttpSourceFetcher {
  private readonly cache = new Map<string, { value: unknown; expires: number }>();
  private readonly maxBytes: number;
  private readonly maxEntries: number;

  constructor(private readonly options: HttpSourceOptions) {
    this.maxBytes = options.maxBytes ?? 64 * 1024;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  async get(request: HttpSourceRequest): Promise<HttpSourceResult> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { ok: false, reason: "invalid URL" };
    }
    const origin = allowListOrigin(url.origin, this.options.loopbackHttp ?? false);
    if (!origin || !request.allowList.includes(origin)) {
      return { ok: false, reason: `${url.origin} is not on the account's allow-list` };
    }
    const key = `${request.accountId} ${url.href}`;
    const now = this.options.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return { ok: true, value: hit.value, cached: true };
    const result = await this.fetchJson(url, request.timeoutMs);
    if (result.ok && request.ttlS > 0) this.remember(key, result.value, now + request.ttlS * 1000);
    return result;
  }

  private async fetchJson(url: URL, timeoutMs: number): Promise<HttpSourceResult> {
    if (url.protocol === "https:" && (await resolvesPrivate(url.hostname, timeoutMs))) {
      return { ok: false, reason: `${url.hostname} resolves to a private address` };
    }
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetch(url, {
        headers: { accept: "application/json" },
        redirect: "manual",
        signal,
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        return { ok: false, reason: `status ${res.status}` };
      }
      const type = res.headers.get("content-type") ?? "";
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
        await res.body?.cancel();
        return { ok: false, reason: `not JSON (${type || "no content type"})` };
      }
      const text = await this.readCapped(res);
      if (text === undefined) return { ok: false, reason: `body over ${this.maxBytes} bytes` };
      return { ok: true, value: JSON.parse(text) as unknown, cached: false };
    } catch (error) {
      if (signal.aborted) return { ok: false, reason: `timed out after ${timeoutMs} ms` };
      return {
        ok: false,
        reason: error instanceof SyntaxError ? "invalid JSON" : "request failed",
      };
    }
  }

  /** The body as text, or undefined once it passes the cap (the rest is never read). */
  private async readCapped(res: Response): Promise<string | undefined> {
    const declared = Number(res.headers.get("content-length"));
    if (declared > this.maxBytes) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.body) return "";
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  private remember(key: string, value: unknown, expires: number): void {
    this.cache.delete(key);
    this.cache.set(key, { value, expires });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
