import type { InteractionRow } from "@ringtrail/db";
import { ApiError } from "../../errors";
import type { InteractionResult } from "../../intel/process";
import { iso } from "../iso";
import type { InteractionBody } from "./schemas";

export function renderInteraction(row: InteractionRow): InteractionBody {
  const result = row.result as unknown as InteractionResult;
  const { earlierInteractions, ...context } = result.context;
  return {
    id: row.id,
    channel: row.channel,
    customer: { phone: row.customerPhone, email: row.customerEmail },
    text: row.text,
    metadata: row.metadata,
    occurred_at: iso(row.occurredAt)!,
    call_id: row.callId,
    models: result.models,
    action: result.action,
    context: {
      earlier_interactions: earlierInteractions,
      recent: context.recent,
      sessions: context.sessions as unknown as Record<string, unknown>[],
      channels: context.channels,
      customer_state: context.customer_state ?? null,
    },
    created_at: iso(row.createdAt)!,
  };
}

export function encodeCursor(row: Pick<InteractionRow, "occurredAt" | "id">): string {
  return Buffer.from(`${row.occurredAt}.${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { occurredAt: number; id: string } {
  const m = /^(\d{1,16})\.(itx_[0-9a-z]+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw new ApiError("validation_failed", "Invalid cursor");
  return { occurredAt: Number(m[1]), id: m[2]! };
}
