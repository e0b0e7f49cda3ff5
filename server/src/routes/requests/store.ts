import type { RoutedRequest } from "@ringtrail/db";
import { iso } from "../iso";
import type { RequestBody } from "./schemas";

export function renderRequest(r: RoutedRequest): RequestBody {
  return {
    id: r.id,
    channel: r.channel,
    channel_type: r.channelType,
    from: r.sender,
    body: r.body,
    agent: r.agentId,
    contact: r.contact,
    status: r.status,
    created_at: iso(r.createdAt)!,
  };
}
