import { type AgentRow, agents, type ShiftRow, shifts } from "@ringtrail/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Services } from "../../context";
import { ApiError } from "../../errors";
import { iso } from "../iso";
import type { AgentBody, ShiftBody } from "./schemas";

/** The account's agent, or 404 as if another tenant's did not exist. */
export async function findAgent(services: Services, accountId: string, id: string) {
  const [row] = await services.database.db
    .select()
    .from(agents)
    .where(and(eq(agents.id, id), eq(agents.accountId, accountId)));
  if (!row) throw new ApiError("not_found", "No such agent");
  return row;
}

/** Agents with their shifts, in creation order. */
export async function loadAgents(services: Services, rows: AgentRow[]): Promise<AgentBody[]> {
  const ids = rows.map((a) => a.id);
  const shiftRows =
    ids.length === 0
      ? []
      : await services.database.db
          .select()
          .from(shifts)
          .where(inArray(shifts.agentId, ids))
          .orderBy(asc(shifts.createdAt), asc(shifts.id));
  return rows.map((a) =>
    renderAgent(
      a,
      shiftRows.filter((s) => s.agentId === a.id),
    ),
  );
}

export function renderAgent(agent: AgentRow, agentShifts: ShiftRow[]): AgentBody {
  return {
    id: agent.id,
    name: agent.name,
    contacts: agent.contacts,
    channel_types: agent.channelTypes,
    shifts: agentShifts.map(renderShift),
    created_at: iso(agent.createdAt)!,
  };
}

export function renderShift(shift: ShiftRow): ShiftBody {
  return {
    id: shift.id,
    agent_id: shift.agentId,
    rrule: shift.rrule,
    time_zone: shift.timeZone,
    duration_min: shift.durationMin,
    channel_types: shift.channelTypes,
    created_at: iso(shift.createdAt)!,
  };
}
