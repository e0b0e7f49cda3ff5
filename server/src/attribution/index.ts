export { type CallFacts, lineTypeOf } from "./call-facts";
export { factsFromEvent, storedCallFacts } from "./call-source";
export { estimateMatchJob, reestimateMatchers } from "./estimate-job";
export { CallMatcher, type MatchOutcome, type MatchRow } from "./matcher";
export { ESTIMATE_EVERY_CALLS, ESTIMATE_JOB, matchStatements } from "./writes";
