import { z } from "@hono/zod-openapi";

const token = (name: string) => z.string().trim().min(1, `${name} is required`).max(256);

export const TwilioCredentialsSchema = z
  .object({
    account_sid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, "account_sid is AC followed by 32 hex digits"),
    auth_token: token("auth_token"),
  })
  .strict()
  .openapi("TwilioCredentials");

export const SignalwireCredentialsSchema = z
  .object({
    project_id: token("project_id").max(64),
    signing_key: token("signing_key"),
  })
  .strict()
  .openapi("SignalwireCredentials");

export const TelnyxCredentialsSchema = z
  .object({
    public_key: z
      .string()
      .trim()
      .refine(
        (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").byteLength === 32,
        "public_key is the base64 of a 32-byte Ed25519 public key",
      ),
    api_key: z
      .string()
      .trim()
      .min(1)
      .max(256)
      .optional()
      .openapi({ description: "API v2 key, needed only to send SMS through Telnyx" }),
  })
  .strict()
  .openapi("TelnyxCredentials");

/** Per carrier: the body is checked against the carrier named in the path. */
export const CREDENTIAL_SCHEMAS = {
  twilio: TwilioCredentialsSchema,
  signalwire: SignalwireCredentialsSchema,
  telnyx: TelnyxCredentialsSchema,
} as const;

export const CredentialsBodySchema = z
  .union([TwilioCredentialsSchema, SignalwireCredentialsSchema, TelnyxCredentialsSchema])
  .openapi("CarrierCredentialsBody");

export const ConfiguredCarrierSchema = z
  .object({
    carrier: z.enum(["twilio", "telnyx", "signalwire"]),
    account: z
      .string()
      .nullable()
      .openapi({ description: "Twilio Account SID or SignalWire project id; null for Telnyx" }),
    updated_at: z.string(),
  })
  .openapi("ConfiguredCarrier");

export const ConfiguredCarriersSchema = z
  .object({ data: z.array(ConfiguredCarrierSchema) })
  .openapi("ConfiguredCarriers");

export type ConfiguredCarrier = z.infer<typeof ConfiguredCarrierSchema>;
