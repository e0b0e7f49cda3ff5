import type { z } from "@hono/zod-openapi";
import { campaignEvents, numbers } from "@ringtrail/db";
import { and, eq } from "drizzle-orm";
import type { Services } from "../../context";
import { ApiError } from "../../errors";
import type { CreateEventSchema } from "./schemas";

/** The account's event, or 404 as if another tenant's did not exist. */
export async function findEvent(services: Services, accountId: string, id: string) {
  const [row] = await services.database.db
    .select()
    .from(campaignEvents)
    .where(and(eq(campaignEvents.id, id), eq(campaignEvents.accountId, accountId)));
  if (!row) throw new ApiError("not_found", "No such event");
  return row;
}

/**
 * The `sms` action's sender: required with the action, refused without it, and one of the
 * account's own numbers at a carrier the SMS sender can send through (Twilio).
 */
export async function smsSender(
  services: Services,
  accountId: string,
  body: z.infer<typeof CreateEventSchema>,
): Promise<{ from: string; carrier: string; body: string } | null> {
  const wanted = body.actions.includes("sms");
  if (!wanted) {
    if (body.sms) throw new ApiError("validation_failed", "sms is set but the sms action is not");
    return null;
  }
  if (!body.sms)
    throw new ApiError("validation_failed", "The sms action needs sms.from and sms.body");
  const [number] = await services.database.db
    .select({ carrier: numbers.carrier })
    .from(numbers)
    .where(and(eq(numbers.accountId, accountId), eq(numbers.e164, body.sms.from)));
  if (!number)
    throw new ApiError("validation_failed", "sms.from is not one of the account's numbers");
  if (number.carrier !== "twilio") {
    throw new ApiError(
      "validation_failed",
      `Sending SMS through ${number.carrier} is not supported yet`,
    );
  }
  return { from: body.sms.from, carrier: number.carrier, body: body.sms.body };
}
