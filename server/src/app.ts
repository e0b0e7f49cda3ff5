import { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "@ringtrail/db";
import { GroupCommit } from "@ringtrail/db";
import { BeatService } from "./assign/beat-service";
import { PoolStateCache } from "./assign/pool-state";
import { SessionCache } from "./assign/session-cache";
import { SiteConfigCache } from "./assign/site-config";
import { createSwapRulesCache } from "./assign/swap-rules-cache";
import { VisitService } from "./assign/visit-service";
import { CallMatcher } from "./attribution/matcher";
import type { App, AppEnv, Services } from "./context";
import { createDeviceParser } from "./device";
import { ApiError, issuesOf, renderError } from "./errors";
import { type GeoLookup, noGeo } from "./geo/reader";
import { createLogger, type Logger } from "./log";
import { DEFAULT_SMS_API, type SmsApiBase } from "./messaging/sms-sender";
import { apiKeyAuth } from "./middleware/api-key";
import { bodySizeLimit } from "./middleware/body-limit";
import { requestContext } from "./middleware/request-context";
import { EvidenceCache } from "./optimize/evidence-cache";
import { ExhaustionRecorder } from "./optimize/exhaustion-recorder";
import { WebhookEndpointStore } from "./outbound/endpoint-store";
import { registerRoutes } from "./routes";
import { SecretBox } from "./secrets/box";
import { CredentialStore } from "./secrets/credentials";
import { type SimClock, simClockMiddleware } from "./sim-clock";
import { HttpSourceFetcher } from "./sources/http-source";

export interface AppDeps {
  database: Database;
  geo?: GeoLookup;
  now?: () => number;
  /** Uniform draws for the assignment's exploration; Math.random by default. */
  rng?: () => number;
  log?: Logger;
  trustProxy?: boolean;
  publicBaseUrl?: string | null;
  /** Seals carrier credentials; defaults to a random key (fine for tests, lost on exit). */
  secrets?: SecretBox;
  /** Recording copies; defaults to `./data/recordings`. */
  recordingsDir?: string;
  /** Simulated time (SIM_CLOCK=1): requests move the clock with `x-ringtrail-sim-time`. */
  simClock?: SimClock;
  /** Let call-flow `http` sources use plain http to loopback hosts; for tests only. */
  loopbackHttp?: boolean;
  /** Base URLs of the carriers' messaging APIs; the real ones by default. */
  smsApi?: Partial<SmsApiBase>;
}

export interface RingtrailApp {
  app: App;
  services: Services;
}

/**
 * Builds the HTTP app over its dependencies: no module-level state, so tests build as many
 * apps as they like over their own databases and clocks.
 */
export function createApp(deps: AppDeps): RingtrailApp {
  const now = deps.simClock?.now ?? deps.now ?? Date.now;
  const { client, reads } = deps.database;
  const writer = new GroupCommit(client, deps.database.raw);
  const sites = new SiteConfigCache(reads, now);
  const pools = new PoolStateCache(reads, now);
  const sessions = new SessionCache();
  const box = deps.secrets ?? SecretBox.random();
  const log = deps.log ?? createLogger("silent");
  const evidence = new EvidenceCache(reads, now, log);
  const exhaustion = new ExhaustionRecorder(writer);
  exhaustion.start();
  const services: Services = {
    database: deps.database,
    geo: deps.geo ?? noGeo,
    device: createDeviceParser(),
    sites,
    pools,
    visits: new VisitService({
      client: reads,
      writer,
      pools,
      sessions,
      evidence,
      exhaustion,
      now,
      ...(deps.rng && { rng: deps.rng }),
    }),
    beats: new BeatService({ client: reads, writer, pools, sessions, sites, evidence, now }),
    evidence,
    exhaustion,
    now,
    trustProxy: deps.trustProxy ?? false,
    publicBaseUrl: deps.publicBaseUrl ?? null,
    log,
    keys: apiKeyAuth(() => services),
    swapRules: createSwapRulesCache(),
    writer,
    secrets: box,
    credentials: new CredentialStore(client, box),
    recordingsDir: deps.recordingsDir ?? "./data/recordings",
    matcher: new CallMatcher(reads, now),
    webhookEndpoints: new WebhookEndpointStore(client, box),
    httpSources: new HttpSourceFetcher({ now, loopbackHttp: deps.loopbackHttp ?? false }),
    loopbackHttp: deps.loopbackHttp ?? false,
    smsApi: { ...DEFAULT_SMS_API, ...deps.smsApi },
  };
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw new ApiError("validation_failed", "Request is invalid", issuesOf(result.error));
    },
  });
  if (deps.simClock) app.use("*", simClockMiddleware(deps.simClock));
  app.use("*", requestContext(services));
  // A backstop for every route; the SDK and carrier routes enforce tighter limits of their own.
  app.use("/v1/*", bodySizeLimit(4 * 1024 * 1024));

  app.onError(renderError);
  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: "No such route", request_id: c.get("requestId") } },
      404,
    ),
  );
  registerRoutes(app, services);
  return { app, services };
}
