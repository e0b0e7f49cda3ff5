/** Job kinds of outbound webhooks: one fan-out per event, one delivery per endpoint. */
export const WEBHOOK_FANOUT_JOB = "webhook_fanout";
export const WEBHOOK_DELIVERY_JOB = "webhook_delivery";
