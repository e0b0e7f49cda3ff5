import type { Client } from "@libsql/client";
import { type ChannelType, onDuty } from "@ringtrail/core/flow";
import type { Medium } from "@ringtrail/core/intel";

export interface RouteTarget {
  agent_id: string;
  contact: string;
  channel_type: ChannelType;
}

const CHANNEL_TYPE: Readonly<Record<Medium, ChannelType>> = {
  callback: "voice",
  sms: "sms",
  email: "email",
  chat: "chat",
};

/**
 * The first of the subject's specialists (in the order the account listed them) who is on
 * duty now for the response medium; null when none is or the subject has no specialists.
 */
export async function routeTarget(
  client: Client,
  accountId: string,
  subject: string,
  medium: Medium,
  now: number,
): Promise<RouteTarget | null> {
  const { rows } = await client.execute({
    sql: "SELECT agent_ids FROM subject_specialists WHERE account_id = ? AND subject = ?",
    args: [accountId, subject],
  });
  if (!rows[0]) return null;
  const ids = JSON.parse(String(rows[0].agent_ids)) as string[];
  if (ids.length === 0) return null;
  const placeholders = ids.map(() => "?").join(", ");
  const agents = await client.execute({
    sql: `SELECT id, contacts, channel_types FROM agents WHERE account_id = ? AND id IN (${placeholders})`,
    args: [accountId, ...ids],
  });
  const shifts = await client.execute({
    sql: `SELECT id, agent_id, rrule, time_zone, duration_min FROM shifts
      WHERE account_id = ? AND agent_id IN (${placeholders})`,
    args: [accountId, ...ids],
  });
  const channelType = CHANNEL_TYPE[medium];
  const result = onDuty(
    agents.rows.map((a) => ({
      id: String(a.id),
      contacts: JSON.parse(String(a.contacts)),
      channelTypes: JSON.parse(String(a.channel_types)),
    })),
    shifts.rows.map((s) => ({
      id: String(s.id),
      agentId: String(s.agent_id),
      rrule: String(s.rrule),
      timeZone: String(s.time_zone),
      durationMinutes: Number(s.duration_min),
    })),
    { now: new Date(now), channelType },
  );
  for (const id of ids) {
    const agent = result.onDuty.find((a) => a.agentId === id);
    if (agent) return { agent_id: id, contact: agent.contact, channel_type: channelType };
  }
  return null;
}
