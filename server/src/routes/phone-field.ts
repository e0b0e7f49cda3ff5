import { z } from "@hono/zod-openapi";
import { parsePhone } from "@ringtrail/core/phone";

/** An E.164 phone number, validated by libphonenumber (not just its shape). */
export const PhoneField = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `invalid_phone_number: ${parsed.message}` });
      return z.NEVER;
    }
    return parsed.e164;
  })
  .openapi({ type: "string", example: "+14155550123", description: "E.164 phone number" });
