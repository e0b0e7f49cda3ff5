import type { ApiKeyScope } from "@ringtrail/db";
import type { Context, MiddlewareHandler } from "hono";
import { hashApiKey } from "../auth/api-key-hash";
import type { AppEnv, Auth, Services } from "../context";
import { ApiError } from "../errors";

interface CacheEntry {
  auth: Auth | null;
  at: number;
}

export interface ApiKeyAuth {
  authenticate(c: Context<AppEnv>, scope: ApiKeyScope): Promise<Auth>;
  forget(): void;
}

/**
 * Bearer API keys. Only the key's SHA-256 is stored; lookups are cached briefly so a busy
 * dashboard costs no read per request (a revoked key stops working within `ttlMs`).
 */
export function apiKeyAuth(services: () => Services, options: { ttlMs?: number } = {}): ApiKeyAuth {
  const ttlMs = options.ttlMs ?? 30_000;
  const cache = new Map<string, CacheEntry>();
  const resolve = async (key: string): Promise<Auth | null> => {
    const { database, now } = services();
    const hash = await hashApiKey(key);
    const hit = cache.get(hash);
    if (hit && now() - hit.at < ttlMs) return hit.auth;
    const res = await database.reads.execute({
      sql: "SELECT id, account_id, scope FROM api_keys WHERE hash = ? AND revoked_at IS NULL",
      args: [hash],
    });
    const row = res.rows[0];
    const auth: Auth | null = row
      ? {
          keyId: String(row.id),
          accountId: String(row.account_id),
          scope: row.scope as ApiKeyScope,
        }
      : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { auth, at: now() });
    return auth;
  };
  return {
    async authenticate(c, scope) {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
      if (!match?.[1])
        throw new ApiError("unauthorized", "Missing API key: send Authorization: Bearer rt_…");
      const auth = await resolve(match[1]);
      if (!auth) throw new ApiError("unauthorized", "Invalid API key");
      if (scope === "admin" && auth.scope !== "admin") {
        throw new ApiError(
          "forbidden",
          "This API key is read-only; this operation needs an admin key",
        );
      }
      return auth;
    },
    forget: () => cache.clear(),
  };
}

/** Route middleware: a key with at least `scope`; puts the account on the context. */
export function requireKey(scope: ApiKeyScope): MiddlewareHandler<AppEnv> {
  return async function requireKeyMiddleware(c, next) {
    c.set("auth", await c.get("services").keys.authenticate(c, scope));
    await next();
  };
}
