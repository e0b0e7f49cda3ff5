import { adapters, type CarrierName } from "@ringtrail/carriers";
import type { FlowDecision } from "@ringtrail/core/flow";
import type { Services } from "../context";
import { RoutingFailure, toRouting } from "./routing";

/** The carriers whose markup a simulation shows. */
const SHOWN: readonly CarrierName[] = ["twilio", "telnyx"];

/**
 * The markup a decision would be answered with, per carrier. Action URLs carry resume state
 * sealed for a call id no carrier uses, so they resume nothing. Null when the decision cannot
 * be rendered (e.g. an agent without a voice number): a real call would go to the default
 * target then.
 */
export async function simulatedMarkup(
  services: Services,
  args: { accountId: string; flowId: string; version: number; number: string; baseUrl: string },
  decision: FlowDecision,
): Promise<Record<string, string> | null> {
  const out: Record<string, string> = {};
  try {
    for (const carrier of SHOWN) {
      const routing = await toRouting(
        {
          services,
          accountId: args.accountId,
          carrier,
          carrierCallId: "simulated",
          trackingNumber: args.number,
          baseUrl: args.baseUrl,
          flowId: args.flowId,
          version: args.version,
        },
        decision,
      );
      out[carrier] = adapters[carrier].render(routing).body;
    }
  } catch (error) {
    if (error instanceof RoutingFailure) return null;
    throw error;
  }
  return out;
}
