import type { Client } from "@libsql/client";
import { type JobHandler, PermanentJobError } from "../jobs/worker";
import { reestimateAccount } from "./estimate";
import { reestimateRates } from "./estimate-rates";

/** The durable job that re-estimates an account's match parameters and rates off the webhook path. */
export function estimateMatchJob(options: { client: Client; now: () => number }): JobHandler {
  return async function estimateMatch(job) {
    const accountId = job.payload.account_id;
    if (typeof accountId !== "string" || !/^acct_[0-9a-z]+$/.test(accountId)) {
      throw new PermanentJobError("payload.account_id is missing");
    }
    const now = options.now();
    await reestimateAccount(options.client, accountId, now);
    await reestimateRates(options.client, accountId, now);
  };
}
