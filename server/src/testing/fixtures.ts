import { call, type Tenant, type TestEnv } from "./app";

export const BROWSER_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const MOBILE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
export const GOOGLEBOT_UA =
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** Real DB-IP records (checked in geo.test.ts): where these addresses resolve. */
export const IP = {
  CA: "8.8.8.8",
  NY: "98.0.0.1",
  FL: "71.0.0.1",
  MA: "64.0.0.1",
  GB: "81.2.69.142",
} as const;

export const TARGET = "+18005550100";

export async function createSite(env: TestEnv, t: Tenant, body: Record<string, unknown> = {}) {
  const res = await call(env, "POST", "/v1/sites", {
    key: t.admin,
    body: {
      name: "Example",
      origins: ["https://example.com"],
      targets: [TARGET],
      hold_s: 1800,
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`createSite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; public_key: string; targets: string[] };
}

export async function createPool(
  env: TestEnv,
  t: Tenant,
  site: string,
  body: Record<string, unknown> = {},
) {
  const res = await call(env, "POST", "/v1/pools", {
    key: t.admin,
    body: { site, name: "Pool", kind: "session", ...body },
  });
  if (res.status !== 201) throw new Error(`createPool: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export async function addNumbers(env: TestEnv, t: Tenant, pool: string, numbers: string[]) {
  const ids: string[] = [];
  for (const number of numbers) {
    const res = await call(env, "POST", "/v1/numbers", {
      key: t.admin,
      body: { number, carrier: "twilio", pool },
    });
    if (res.status !== 201)
      throw new Error(`addNumbers: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  }
  return ids;
}

export function visit(
  env: TestEnv,
  site: { public_key: string },
  options: {
    visitor?: string | null;
    session?: string;
    url?: string;
    referrer?: string | null;
    gaClientId?: string;
    ip?: string;
    ua?: string;
    origin?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    "content-type": "text/plain;charset=UTF-8",
    "user-agent": options.ua ?? BROWSER_UA,
  };
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.origin) headers.origin = options.origin;
  return call(env, "POST", "/v1/visits", {
    headers,
    body: JSON.stringify({
      site: site.public_key,
      visitor: options.visitor ?? null,
      ...(options.session ? { session: options.session } : {}),
      url: options.url ?? "https://example.com/",
      referrer: options.referrer ?? null,
      ga_client_id: options.gaClientId ?? null,
      viewport: [1280, 800],
    }),
  });
}
