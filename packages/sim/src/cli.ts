import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { progressBar } from "./progress";
import { runScenario, type ScenarioMatcher } from "./run/http-run";
import { loadScenario, ScenarioError } from "./scenario/load";
import { diagnoseEstimators, estimatorTable } from "./sweep/estimators";
import { runSweep, SWEEP_DEFAULTS } from "./sweep/grid";
import { sweepSvg } from "./sweep/svg";
import { sweepTable } from "./sweep/table";

const USAGE = `Usage:
  pnpm sim --scenario FILE [--seed N] [--matcher auto|defaults|rates]
                                          run a scenario against a fresh real server; JSON report
                                          (the account's matcher: auto, the server's default, is
                                          the FS defaults until the rate model's first estimate)
  pnpm sim --sweep [--seed N] [--visitors-per-day V] [--days D]
                                          in-process sweep of accuracy vs pool size and delay;
                                          table on stdout, chart in packages/sim/out/sweep.svg
  pnpm sim --estimators [--seed N]        defaults vs unsupervised EM vs the oracles on sweep
                                          points, with likelihoods and a per-feature ablation`;

const MATCHERS: readonly ScenarioMatcher[] = ["auto", "defaults", "rates"];

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: "string" },
      seed: { type: "string", default: "1" },
      sweep: { type: "boolean", default: false },
      estimators: { type: "boolean", default: false },
      matcher: { type: "string", default: "auto" },
      "visitors-per-day": { type: "string" },
      days: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const seed = Number(values.seed);
  if (
    values.help ||
    (!values.sweep && !values.scenario && !values.estimators) ||
    !Number.isInteger(seed) ||
    !MATCHERS.includes(values.matcher as ScenarioMatcher)
  ) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.estimators) {
    const bar = progressBar("estimators", "points");
    const points = await diagnoseEstimators({
      seed,
      visitorsPerDay: SWEEP_DEFAULTS.visitorsPerDay,
      days: SWEEP_DEFAULTS.days,
      delays: [5, 30, 1440],
      multiples: [1, 3, 8],
      onPoint: bar.update,
    });
    bar.done();
    console.log(estimatorTable(points));
    console.log(JSON.stringify({ seed, points }, null, 2));
    return 0;
  }
  if (values.sweep) {
    const bar = progressBar("sweep", "points");
    const curves = await runSweep({
      seed,
      visitorsPerDay: values["visitors-per-day"] ? Number(values["visitors-per-day"]) : undefined,
      days: values.days ? Number(values.days) : undefined,
      onPoint: bar.update,
    });
    bar.done();
    const dir = fileURLToPath(new URL("../out/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}sweep.svg`, sweepSvg(curves));
    console.log(sweepTable(curves));
    console.log(
      JSON.stringify(
        {
          mode: "in-process sweep: the server's assignment (least recently released, local first) modelled with core's rankClaims; ours = core's rate model with rates by EM (the server's default once an account has 50 calls); fs = core scoreCall with DEFAULT_MATCH_PARAMS (before that); best oracle = the best of the FS oracle (true m/u, true caller history), the FS and rate oracles on what ours observes",
          seed,
          visitors_per_day: Number(values["visitors-per-day"] ?? SWEEP_DEFAULTS.visitorsPerDay),
          rule_of_thumb_pool:
            Number(values["visitors-per-day"] ?? SWEEP_DEFAULTS.visitorsPerDay) / 20,
          chart: "packages/sim/out/sweep.svg",
          curves: curves.map((c) => ({
            delay_median_min: c.delay_median_min,
            n95: c.n95,
            ratio_ours_to_baseline: c.ratio,
            target_ratio_met: c.ratio !== null && c.ratio <= 0.4,
            max_gap_to_best_oracle_points: c.max_gap_points,
            target_gap_met: c.max_gap_points <= 1,
            max_gap_to_same_data_oracle_points: c.max_gap_same_data_points,
            fs: {
              ratio_to_baseline: c.fs_ratio,
              max_gap_to_fs_oracle_points: c.fs_max_gap_points,
            },
            top1: c.points.map((p) => ({
              pool: p.pool,
              ours: p.ours.top1,
              fs: p.fs.top1,
              baseline: p.baseline.top1,
              oracle: p.oracle.top1,
              oracle_same_data: p.oracle_same_data.top1,
              rate_oracle: p.rate_oracle.top1,
            })),
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const scenario = loadScenario(values.scenario as string);
  const report = await runScenario(scenario, seed, true, values.matcher as ScenarioMatcher);
  console.log(JSON.stringify(report, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(
      err instanceof ScenarioError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : err,
    );
    process.exit(1);
  },
);
