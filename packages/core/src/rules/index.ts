export { firstFailingField, matchesRules } from "./match";
export { type ParsePoolRulesResult, parsePoolRules } from "./parse";
export {
  comparePools,
  explainPoolSelection,
  type PoolVerdict,
  type SelectablePool,
  selectPool,
} from "./select";
export { type HourWindow, type PoolRules, RULE_FIELDS, type RuleField } from "./types";
