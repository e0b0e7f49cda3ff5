import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { serve } from "@hono/node-server";
import { migrateDatabase, openDatabase } from "@ringtrail/db";
import { createApp } from "./app";
import { loadConfig } from "./config";
import { seedDemo } from "./demo/seed";
import { openGeo } from "./geo/reader";
import { createJobWorker } from "./jobs/index";
import { createLogger } from "./log";
import { startQuarantineClock } from "./optimize/quarantine";
import { startRotationClock } from "./optimize/rotation";
import { applyDemoCredentials } from "./secrets/demo";
import { loadSecretsKey } from "./secrets/key";
import { createSimClock } from "./sim-clock";

/** Reads the environment, opens the database and geo files, seeds the demo once, serves. */
async function main() {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  if (config.DATABASE_URL.startsWith("file:")) {
    mkdirSync(dirname(config.DATABASE_URL.slice("file:".length)), { recursive: true });
  }
  const database = await openDatabase({
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
  });
  await migrateDatabase(database);
  const geo = await openGeo(config.GEOIP_DB);
  const dataDir = config.DATABASE_URL.startsWith("file:")
    ? dirname(config.DATABASE_URL.slice("file:".length))
    : "./data";
  const { app, services } = createApp({
    database,
    geo,
    log,
    trustProxy: config.TRUST_PROXY,
    publicBaseUrl: config.PUBLIC_BASE_URL ?? null,
    secrets: loadSecretsKey(config),
    recordingsDir: config.RECORDINGS_DIR ?? join(dataDir, "recordings"),
    simClock: config.SIM_CLOCK ? createSimClock() : undefined,
  });
  if (config.SIM_CLOCK)
    log.log("info", "SIM_CLOCK=1: requests set the clock; for simulations only");
  const jobs = createJobWorker(services);
  jobs.start();
  const stopQuarantineClock = startQuarantineClock({
    writer: services.writer,
    now: services.now,
    onReturned: (poolId) => services.pools.invalidate(poolId),
    log: services.log,
  });
  const stopRotationClock = startRotationClock(services);
  const base = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  if (config.DEMO) {
    const origins = [
      ...new Set([base, `http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`]),
    ];
    const demo = await seedDemo(database, origins, Date.now());
    if (demo) {
      console.log(
        `\nDemo account created. Its admin API key is shown only this once:\n  ${demo.key}\n`,
      );
      console.log(`Demo site public key: ${demo.publicKey}`);
    }
    await applyDemoCredentials(database, services.credentials, config, Date.now());
  }
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.log("info", "listening", { port: info.port });
    console.log(
      `Ringtrail is running on ${base}  —  demo page: ${base}/demo  —  API reference: ${base}/docs`,
    );
  });
  const stop = () => {
    void jobs.stop();
    stopQuarantineClock();
    stopRotationClock();
    server.close(() => {
      // Exhaustion counts since the last flush are written before the database closes.
      services.exhaustion.stop();
      void services.exhaustion
        .flush()
        .catch(() => {})
        .finally(() => {
          database.close();
          process.exit(0);
        });
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
