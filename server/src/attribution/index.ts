export { type CallFacts, lineTypeOf } from "./call-facts";
export { factsFromEvent, storedCallFacts } from "./call-source";
export { reestimateAccount } from "./estimate";
export { estimateMatchJob } from "./estimate-job";
export { reestimateRates } from "./estimate-rates";
export { CallMatcher, type MatchOutcome, type MatchRow } from "./matcher";
export { ESTIMATE_EVERY_CALLS, ESTIMATE_JOB, matchStatements } from "./writes";
