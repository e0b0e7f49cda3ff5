import { campaignEvents } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { Services } from "../../context";
import { ApiError } from "../../errors";

/** The account's event, or 404 as if another tenant's did not exist. */
export async function findEvent(services: Services, accountId: string, id: string) {
  const [row] = await services.database.db
    .select()
    .from(campaignEvents)
    .where(and(eq(campaignEvents.id, id), eq(campaignEvents.accountId, accountId)));
  if (!row) throw new ApiError("not_found", "No such event");
  return row;
}
