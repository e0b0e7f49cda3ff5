export { type ActiveEvent, activeEventsFor } from "./active";
export { CAMPAIGN_JOB, type CampaignRunOptions, campaignJobStatement, campaignRunJob } from "./run";
