import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiKeyScope, Database, GroupCommit } from "@ringtrail/db";
import type { BeatService } from "./assign/beat-service";
import type { PoolStateCache } from "./assign/pool-state";
import type { SiteConfigCache } from "./assign/site-config";
import type { createSwapRulesCache } from "./assign/swap-rules-cache";
import type { VisitService } from "./assign/visit-service";
import type { CallMatcher } from "./attribution/matcher";
import type { DeviceInfo } from "./device";
import type { GeoLookup } from "./geo/reader";
import type { Logger } from "./log";
import type { SmsApiBase } from "./messaging/sms-sender";
import type { ApiKeyAuth } from "./middleware/api-key";
import type { EvidenceCache } from "./optimize/evidence-cache";
import type { ExhaustionRecorder } from "./optimize/exhaustion-recorder";
import type { WebhookEndpointStore } from "./outbound/endpoint-store";
import type { SecretBox } from "./secrets/box";
import type { CredentialStore } from "./secrets/credentials";
import type { HttpSourceFetcher } from "./sources/http-source";

export interface Auth {
  accountId: string;
  keyId: string;
  scope: ApiKeyScope;
}

/** Everything a route needs, built once by createApp and shared by every request. */
export interface Services {
  database: Database;
  geo: GeoLookup;
  device: (ua: string) => DeviceInfo;
  sites: SiteConfigCache;
  pools: PoolStateCache;
  visits: VisitService;
  beats: BeatService;
  /** Per-site learned call rates and hold, refreshed in the background. */
  evidence: EvidenceCache;
  /** Exhausted-pool visits, counted in memory and flushed per minute bucket. */
  exhaustion: ExhaustionRecorder;
  now: () => number;
  trustProxy: boolean;
  publicBaseUrl: string | null;
  log: Logger;
  keys: ApiKeyAuth;
  swapRules: ReturnType<typeof createSwapRulesCache>;
  /** Group-committed writes shared by the hot routes (one batch per event-loop turn). */
  writer: GroupCommit;
  /** The server's secrets key: seals call-flow resume state in action URLs. */
  secrets: SecretBox;
  /** Carrier credentials, sealed at rest. */
  credentials: CredentialStore;
  /** Where recording copies are written: `{dir}/{account}/{call}.{ext}`. */
  recordingsDir: string;
  /** Call attribution: candidates, scores and credit; caches per-account state. */
  matcher: CallMatcher;
  /** Call-flow `http` sources: allow-listed JSON GETs with timeout, size cap and cache. */
  httpSources: HttpSourceFetcher;
  /** Plain http to loopback hosts is allowed in `http` sources and their allow-list (tests). */
  loopbackHttp: boolean;
  /** Carriers' messaging REST APIs (configurable so tests use a local fake carrier). */
  smsApi: SmsApiBase;
  /** The account's signed outbound webhook endpoints (secrets sealed with the same key). */
  webhookEndpoints: WebhookEndpointStore;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger["log"];
    auth: Auth;
    services: Services;
  };
};

export type App = OpenAPIHono<AppEnv>;
