import type { Client } from "@libsql/client";
import { type JobHandler, PermanentJobError } from "../jobs/worker";
import { type EstimateResult, reestimateAccount } from "./estimate";
import { reestimateRates } from "./estimate-rates";

/**
 * Re-fits both matchers of an account and stores them: FS's EM estimate and the rate model's
 * rates. What the job runs and `POST /v1/attribution/reestimate` runs; FS's result is returned.
 */
export async function reestimateMatchers(
  client: Client,
  accountId: string,
  now: number,
): Promise<EstimateResult> {
  const estimate = await reestimateAccount(client, accountId, now);
  await reestimateRates(client, accountId, now);
  return estimate;
}

/** The durable job that re-estimates an account's match parameters and rates off the webhook path. */
export function estimateMatchJob(options: { client: Client; now: () => number }): JobHandler {
  return async function estimateMatch(job) {
    const accountId = job.payload.account_id;
    if (typeof accountId !== "string" || !/^acct_[0-9a-z]+$/.test(accountId)) {
      throw new PermanentJobError("payload.account_id is missing");
    }
    await reestimateMatchers(options.client, accountId, options.now());
  };
}
