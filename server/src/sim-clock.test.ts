import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "@ringtrail/db";
import { expect, it } from "vitest";
import { createApp } from "./app";
import { createSimClock, SIM_TIME_HEADER } from "./sim-clock";

it("with a sim clock, requests move time forward and never back; without one the header is ignored", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rt-simclock-"));
  const database = await openDatabase({ url: `file:${join(dir, "t.db")}` });
  await migrateDatabase(database);
  const clock = createSimClock(1_000);
  const sim = createApp({ database, simClock: clock });
  await sim.app.request("/healthz", { headers: { [SIM_TIME_HEADER]: "5000" } });
  expect(clock.now()).toBe(5_000);
  await sim.app.request("/healthz", { headers: { [SIM_TIME_HEADER]: "3000" } });
  expect(clock.now()).toBe(5_000);
  expect(sim.services.now()).toBe(5_000);
  const real = createApp({ database, now: () => 42 });
  await real.app.request("/healthz", { headers: { [SIM_TIME_HEADER]: "9000" } });
  expect(real.services.now()).toBe(42);
  database.close();
  rmSync(dir, { recursive: true, force: true });
});
