import { estimateMatchJob } from "../attribution/estimate-job";
import { ESTIMATE_JOB } from "../attribution/writes";
import { CAMPAIGN_JOB, type CampaignRunOptions, campaignRunJob } from "../campaigns/index";
import type { Services } from "../context";
import { CALL_INTERACTION_JOB, callInteractionJob } from "../intel/call-interactions";
import { SMS_JOB, smsJob } from "../messaging/sms-job";
import { webhookJobHandlers } from "../outbound/deliver";
import { copyRecording, RECORDING_JOB } from "./recordings";
import { JobWorker, type JobWorkerOptions } from "./worker";

/** The worker with every job kind the server queues, over the app's own services. */
export function createJobWorker(
  services: Services,
  options: Omit<JobWorkerOptions, "client" | "handlers"> & {
    fetchTimeoutMs?: number;
    campaigns?: CampaignRunOptions;
  } = {},
): JobWorker {
  const { client } = services.database;
  return new JobWorker({
    client,
    now: services.now,
    log: services.log,
    ...options,
    handlers: {
      [RECORDING_JOB]: copyRecording({
        client,
        credentials: services.credentials,
        dir: services.recordingsDir,
        now: services.now,
        ...(options.fetchTimeoutMs === undefined ? {} : { timeoutMs: options.fetchTimeoutMs }),
      }),
      [ESTIMATE_JOB]: estimateMatchJob({ client, now: services.now }),
      [CALL_INTERACTION_JOB]: callInteractionJob(services),
      [CAMPAIGN_JOB]: campaignRunJob(services, options.campaigns),
      [SMS_JOB]: smsJob({
        client,
        credentials: services.credentials,
        api: services.smsApi,
        now: services.now,
        log: services.log,
      }),
      ...webhookJobHandlers({
        client,
        endpoints: services.webhookEndpoints,
        now: services.now,
        ...(options.fetchTimeoutMs === undefined ? {} : { timeoutMs: options.fetchTimeoutMs }),
      }),
    },
  });
}
