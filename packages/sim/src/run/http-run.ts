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
import { oracleParams } from "../score/oracle";
import { baselinePredictions, corePredictions, type Predictions } from "../score/prediction";
import { generatePlan, regionWeights } from "../traffic/plan";
import { playPlan, type RunResult } from "./engine";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

export interface ScenarioReport {
  scenario: string;
  seed: number;
  traffic: Record<string, number>;
  /** True when the server returned matches for some call; false means no matching yet. */
  server_matching: boolean;
  ours: Metrics | null;
  /** Core's scoreCall with DEFAULT_MATCH_PARAMS over the simulator's own candidate sets. */
  core_default: Metrics;
  baseline: Metrics;
  oracle: Metrics;
  /** Oracle minus ours: top-1 in points, Brier (ours − oracle). */
  gap_to_oracle: { top1_points: number; brier: number } | null;
  attribution_last: unknown;
  refused_numbers: number;
  wall_s: number;
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
    return report(
      scenario,
      seed,
      run,
      answers.withMatches > 0 ? answers.predictions : null,
      attribution,
      dni.refused.length,
      t0,
    );
  } finally {
    await server.stop();
  }
}

export function report(
  scenario: Scenario,
  seed: number,
  run: RunResult,
  server: Predictions | null,
  attribution: unknown,
  refused: number,
  t0: number,
): ScenarioReport {
  const { calls, ledger } = run;
  const ours = server ? scoreMatcher(calls, server, ledger) : null;
  const oracle = scoreMatcher(
    calls,
    corePredictions(calls, ledger, oracleParams(calls), "truth"),
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
