export { playPlan, type RunResult } from "./run/engine";
export { runScenario, type ScenarioReport } from "./run/http-run";
export { loadScenario, parseScenario, ScenarioError } from "./scenario/load";
export { type Scenario, ScenarioSchema } from "./scenario/schema";
export { type Metrics, scoreMatcher } from "./score/metrics";
export { oracleParams } from "./score/oracle";
export { type DelayCurve, runSweep } from "./sweep/grid";
export { generatePlan } from "./traffic/plan";
