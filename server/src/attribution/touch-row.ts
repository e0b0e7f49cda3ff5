import type { Channel } from "@ringtrail/core";
import type { Touch } from "@ringtrail/core/models";

/** A sessions row (id, started_at, channel, source, campaign, landing_path) as a journey touch. */
export function touchFromRow(row: Record<string, unknown>): Touch {
  return {
    sessionId: String(row.id),
    at: Number(row.started_at),
    channel: String(row.channel) as Channel,
    source: row.source === null ? null : String(row.source),
    campaign: row.campaign === null ? null : String(row.campaign),
    landingPath: row.landing_path === null ? null : String(row.landing_path),
  };
}
