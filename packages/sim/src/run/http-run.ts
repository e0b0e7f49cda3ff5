import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ipTable } from "../geo/ip-table";
import { trackingNumbers } from "../geo/numbers";
import { Api } from "../http/client";
import { HttpDni } from "../http/dni";
import { readServerAnswers } from "../http/read-calls";
import { startServer } from "../http/server";
import { progressBar } from "../progress";
import { Rng } from "../random";
import type { Scenario } from "../scenario/schema";
import { type Metrics, round, scoreMatcher } from "../score/metrics";
import { type FoundLift, optimizerLift } from "../score/optimizer-lift";
import { oracleParams } from "../score/oracle";
import { baselinePredictions, corePredictions, type Predictions } from "../score/prediction";
import { estimatedRateMatching, type RateWindow } from "../score/rate";
import { generatePlan, regionWeights } from "../traffic/plan";
import { playPlan, type RunResult } from "./engine";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

/** `auto` is the server's default: FS defaults until the rate model's first estimate. */
export type ScenarioMatcher = "auto" | "defaults" | "rates";

export interface ScenarioReport {
  scenario: string;
  /** What the server's account matched with (`ours`): PUT /v1/attribution/params `use`. */
  matcher?: ScenarioMatcher;
  seed: number;
  traffic: Record<string, number>;
  /** True when the server returned matches for some call; false means no matching yet. */
  server_matching: boolean;
  ours: Metrics | null;
  /** Core's scoreCall with DEFAULT_MATCH_PARAMS over the simulator's own candidate sets. */
  core_default: Metrics;
  /**
   * Core's rate model (match/rate.ts) over the same candidate sets, its rates estimated by EM
   * from the traffic's days: what the server would answer once it uses the model.
   */
  core_rate: Metrics;
  baseline: Metrics;
  oracle: Metrics;
  /** Oracle minus ours: top-1 in points, Brier (ours − oracle). */
  gap_to_oracle: { top1_points: number; brier: number } | null;
  attribution_last: unknown;
  refused_numbers: number;
  /**
   * The pool optimizer's view of the run: the lift of in-region local numbers it measured
   * against the scenario's true lift, and the pool report's headline figures (the whole
   * report is written to `pool_report_file`).
   */
  optimizer?: OptimizerReadout;
  wall_s: number;
}

export interface OptimizerReadout {
  true_lift: number;
  found_lift: FoundLift | null;
  pool_report_file: string;
  sizing: unknown;
  exhaustion: { events: number; exhausted_share: number; visits_shared: number };
  recommendations: unknown;
}

/**
 * Runs a scenario end to end against a freshly started real server: set-up through the API,
 * the traffic plan through the SDK and carrier endpoints, then `/v1/calls` scored against the
 * truth next to the baseline and the oracle.
 */
export async function runScenario(
  scenario: Scenario,
  seed: number,
  progress = true,
  matcher: ScenarioMatcher = "auto",
): Promise<ScenarioReport> {
  const t0 = Date.now();
  const server = await startServer();
  try {
    const api = new Api(server.url, server.key);
    const numbers = trackingNumbers(
      scenario.pool.size,
      regionWeights(scenario),
      scenario.pool.local_share,
    );
    const dni = await HttpDni.setup(api, scenario, numbers);
    // The server refits both matchers every 50 ended calls; `auto` needs no request.
    if (matcher !== "auto") await api.json("PUT", "/v1/attribution/params", { use: matcher });
    // The server's clock starts at its real start and only moves forward: begin the next day.
    const start = Math.ceil((Date.now() + 60_000) / DAY) * DAY;
    const plan = generatePlan(scenario, start, await ipTable(), new Rng(seed));
    const bar = progressBar(scenario.name);
    const run = await playPlan(scenario, plan, dni, {
      windowMs: 2000,
      concurrency: 64,
      onProgress: progress ? bar.update : undefined,
    });
    bar.done();
    const end = Math.max(...run.calls.map((c) => c.at), start) + DAY;
    const answers = await readServerAnswers(api, end);
    const attribution = await api
      .json(
        "GET",
        `/v1/attribution?model=last&group_by=channel&from=${iso(start - DAY)}&to=${iso(end)}`,
        undefined,
        end,
      )
      .catch((err: Error) => ({ unavailable: err.message.slice(0, 200) }));
    // The report covers the traffic (calls that come a day late add no leases).
    const trafficEnd = start + scenario.days * DAY + 3_600_000;
    const optimizer = await readOptimizer(
      api,
      dni,
      scenario,
      start,
      Math.min(end, trafficEnd),
      end,
    );
    return {
      matcher,
      ...report(
        scenario,
        seed,
        run,
        answers.withMatches > 0 ? answers.predictions : null,
        attribution,
        dni.refused.length,
        t0,
        { from: start, to: start + scenario.days * DAY },
      ),
      optimizer,
    };
  } finally {
    await server.stop();
  }
}

interface PoolReportBody {
  sizing: unknown;
  exhaustion: { events: unknown[]; exhausted_share: number; visits_shared: number };
  learning: { rates: { characteristic: string; leases: number; calls: number }[] };
  recommendations: unknown;
}

/** The server's pool report over the run (its last 31 days at most), saved whole to out/. */
async function readOptimizer(
  api: Api,
  dni: HttpDni,
  scenario: Scenario,
  start: number,
  end: number,
  at: number,
): Promise<OptimizerReadout> {
  const from = Math.max(start - 3_600_000, end - 31 * DAY);
  const body = await api.json<PoolReportBody>(
    "GET",
    `/v1/pools/${dni.poolId}/report?from=${iso(from)}&to=${iso(end)}`,
    undefined,
    at,
  );
  const dir = fileURLToPath(new URL("../../out/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}pool-report-${scenario.name}.json`;
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return {
    true_lift: scenario.calls.local_number_lift,
    found_lift: optimizerLift(body.learning),
    pool_report_file: file,
    sizing: body.sizing,
    exhaustion: {
      events: body.exhaustion.events.length,
      exhausted_share: body.exhaustion.exhausted_share,
      visits_shared: body.exhaustion.visits_shared,
    },
    recommendations: body.recommendations,
  };
}

export function report(
  scenario: Scenario,
  seed: number,
  run: RunResult,
  server: Predictions | null,
  attribution: unknown,
  refused: number,
  t0: number,
  window: RateWindow,
): ScenarioReport {
  const { calls, ledger } = run;
  const ours = server ? scoreMatcher(calls, server, ledger) : null;
  const oracle = scoreMatcher(
    calls,
    corePredictions(calls, ledger, oracleParams(calls, ledger), "truth"),
    ledger,
  );
  const count = (k: string) => calls.filter((c) => c.kind === k).length;
  return {
    scenario: scenario.name,
    seed,
    traffic: {
      sessions: ledger.sessions.size,
      bot_views: run.bots.views,
      bot_views_numbered: run.bots.numbered,
      calls_web: count("web"),
      calls_repeat: count("repeat"),
      calls_offline: count("offline"),
      calls_spam: count("spam"),
      calls_lost_no_number: run.callsWithoutNumber,
      local_number_share: run.localViews.numbered
        ? round(run.localViews.local / run.localViews.numbered)
        : 0,
    },
    server_matching: server !== null,
    ours,
    core_default: scoreMatcher(calls, corePredictions(calls, ledger), ledger),
    core_rate: scoreMatcher(
      calls,
      estimatedRateMatching(calls, ledger, window).predictions,
      ledger,
    ),
    baseline: scoreMatcher(calls, baselinePredictions(calls), ledger),
    oracle,
    gap_to_oracle: ours
      ? {
          top1_points: round((oracle.top1 - ours.top1) * 100, 2),
          brier: round(ours.brier - oracle.brier),
        }
      : null,
    attribution_last: attribution,
    refused_numbers: refused,
    wall_s: round((Date.now() - t0) / 1000, 1),
  };
}
