import { type AgentGroupRow, agentGroups, agents } from "@ringtrail/db";
import { and, eq, inArray } from "drizzle-orm";
import type { Services } from "../../context";

export const renderGroup = (g: AgentGroupRow) => ({
  id: g.id,
  name: g.name,
  agents: g.agentIds,
  created_at: new Date(g.createdAt).toISOString(),
});

export async function findGroup(
  services: Services,
  accountId: string,
  id: string,
): Promise<AgentGroupRow | null> {
  const [row] = await services.database.db
    .select()
    .from(agentGroups)
    .where(and(eq(agentGroups.accountId, accountId), eq(agentGroups.id, id)));
  return row ?? null;
}

/**
 * The voice numbers a group rings, in its order. Agents deleted since the group was saved, or
 * without a voice contact, are skipped: the rest of the group still rings.
 */
export async function groupVoiceNumbers(
  services: Services,
  accountId: string,
  groupId: string,
): Promise<string[] | null> {
  const group = await findGroup(services, accountId, groupId);
  if (!group) return null;
  const rows = await services.database.db
    .select({ id: agents.id, contacts: agents.contacts })
    .from(agents)
    .where(and(eq(agents.accountId, accountId), inArray(agents.id, group.agentIds)));
  const voice = new Map(rows.map((r) => [r.id, r.contacts.voice]));
  const numbers = group.agentIds.flatMap((id) => {
    const number = voice.get(id);
    return number ? [number] : [];
  });
  return [...new Set(numbers)];
}
