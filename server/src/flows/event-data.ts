import type { Client } from "@libsql/client";
import { activeEventsFor } from "../campaigns/index";

/** What a flow's `event` source gives a template: `event.active` routes affected callers first. */
export interface EventData {
  active: boolean;
  kinds: string[];
  ids: string[];
}

export async function eventData(
  client: Client,
  accountId: string,
  caller: string | null,
  region: string | null,
  now: number,
): Promise<EventData> {
  const events = await activeEventsFor(client, accountId, caller, region, now);
  return {
    active: events.length > 0,
    kinds: [...new Set(events.map((e) => e.kind))],
    ids: events.map((e) => e.id),
  };
}
