import type { Client } from "@libsql/client";
import { type JobHandler, PermanentJobError } from "../jobs/worker";
import { reestimateAccount } from "./estimate";

/** The durable job that re-estimates an account's match parameters off the webhook path. */
export function estimateMatchJob(options: { client: Client; now: () => number }): JobHandler {
  return async function estimateMatch(job) {
    const accountId = job.payload.account_id;
    if (typeof accountId !== "string" || !/^acct_[0-9a-z]+$/.test(accountId)) {
      throw new PermanentJobError("payload.account_id is missing");
    }
    await reestimateAccount(options.client, accountId, options.now());
  };
}
