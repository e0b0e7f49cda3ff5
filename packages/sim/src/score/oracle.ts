import {
  comparisonVector,
  FEATURE_LEVELS,
  FEATURE_NAMES,
  type FeatureName,
  HOLDER_WINDOWS,
  type MatchParams,
} from "@ringtrail/core/match";
import type { CallTruth } from "../truth/calls";
import type { Ledger } from "../truth/ledger";
import { callCandidates } from "./prediction";

/**
 * Fellegi–Sunter parameters from the simulator's truth: m and u counted over every call's
 * candidates (with the callers' true history), labelled by the true session (the "FS with
 * known m/u" oracle of attribution-math.md 5.4), and P(none) as the share of calls with
 * candidates whose true session is not among them. Half a pseudo-count per level keeps every
 * ratio finite.
 */
export function oracleParams(calls: readonly CallTruth[], ledger: Ledger): MatchParams {
  const counts = Object.fromEntries(
    FEATURE_NAMES.map((f) => [f, { m: new Map<string, number>(), u: new Map<string, number>() }]),
  ) as Record<FeatureName, { m: Map<string, number>; u: Map<string, number> }>;
  let withCandidates = 0;
  let none = 0;
  for (const call of calls) {
    const candidates = callCandidates(call, call.match, ledger, HOLDER_WINDOWS.fs);
    if (candidates.length === 0) continue;
    withCandidates++;
    if (!candidates.some((c) => c.sessionId === call.session)) none++;
    for (const candidate of candidates) {
      const levels = comparisonVector(call.match, candidate);
      const side = candidate.sessionId === call.session ? "m" : "u";
      for (const f of FEATURE_NAMES) {
        const table = counts[f][side];
        table.set(levels[f], (table.get(levels[f]) ?? 0) + 1);
      }
    }
  }
  const features = Object.fromEntries(
    FEATURE_NAMES.map((f) => [f, { m: normalise(f, counts[f].m), u: normalise(f, counts[f].u) }]),
  ) as unknown as MatchParams["features"];
  return {
    none: withCandidates === 0 ? 0.15 : clamp((none + 0.5) / (withCandidates + 1)),
    features,
  };
}

function normalise(feature: FeatureName, counts: Map<string, number>): Record<string, number> {
  const levels = FEATURE_LEVELS[feature] as readonly string[];
  let total = 0;
  for (const l of levels) total += (counts.get(l) ?? 0) + 0.5;
  return Object.fromEntries(levels.map((l) => [l, ((counts.get(l) ?? 0) + 0.5) / total]));
}

const clamp = (x: number) => Math.min(0.99, Math.max(0.001, x));
