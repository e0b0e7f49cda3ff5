import type { CallFacts, MatchOutcome } from "../../attribution/index";
import type { Services } from "../../context";
import type { Logger } from "../../log";

/**
 * Matches a call for a webhook. A failure is logged and leaves the call unmatched (the end
 * of the call matches again): the call itself must be stored and answered regardless.
 */
export async function matchSafely(
  services: Services,
  facts: CallFacts,
  log: Logger["log"],
): Promise<MatchOutcome | null> {
  try {
    return await services.matcher.match(facts);
  } catch (err) {
    log("error", "call matching failed", { error: String(err instanceof Error ? err.stack : err) });
    return null;
  }
}
