import { createRoute, z } from "@hono/zod-openapi";
import type { App, Services } from "../../context";
import { ApiError, issuesOf } from "../../errors";
import { requireKey } from "../../middleware/api-key";
import type { CarrierCredentialInput } from "../../secrets/credentials";
import { iso } from "../iso";
import { errorResponses } from "../openapi-errors";
import {
  ConfiguredCarrierSchema,
  ConfiguredCarriersSchema,
  CREDENTIAL_SCHEMAS,
  CredentialsBodySchema,
} from "./schemas";

const put = createRoute({
  method: "put",
  path: "/v1/carriers/{carrier}/credentials",
  tags: ["Carriers"],
  summary: "Set the account's credentials at a carrier",
  description:
    "twilio: `{account_sid, auth_token}`; signalwire: `{project_id, signing_key}`; telnyx: `{public_key, api_key?}` (base64 Ed25519; the API key only to send SMS). They verify the carrier's webhook signatures for this account's numbers. Stored encrypted (AES-256-GCM) and never returned.",
  security: [{ bearer: [] }],
  middleware: [requireKey("admin")] as const,
  request: {
    params: z.object({ carrier: z.string().max(32) }),
    // Validated per carrier in the handler; zod here would accept any carrier's shape.
    body: { content: { "application/json": { schema: CredentialsBodySchema } }, required: true },
  },
  responses: {
    200: {
      description: "Stored (the secret is not echoed)",
      content: { "application/json": { schema: ConfiguredCarrierSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/carriers/credentials",
  tags: ["Carriers"],
  summary: "Which carriers the account has configured",
  security: [{ bearer: [] }],
  middleware: [requireKey("read")] as const,
  responses: {
    200: {
      description: "Configured carriers, without secrets",
      content: { "application/json": { schema: ConfiguredCarriersSchema } },
    },
    ...errorResponses(401),
  },
});

function toInput(carrier: string, body: unknown): CarrierCredentialInput {
  if (!Object.hasOwn(CREDENTIAL_SCHEMAS, carrier))
    throw new ApiError("not_found", "No such carrier");
  const name = carrier as keyof typeof CREDENTIAL_SCHEMAS;
  const parsed = CREDENTIAL_SCHEMAS[name].safeParse(body);
  if (!parsed.success) {
    throw new ApiError("validation_failed", "Request is invalid", issuesOf(parsed.error));
  }
  const v = parsed.data as Record<string, string>;
  switch (name) {
    case "twilio":
      return { carrier: name, accountSid: v.account_sid!, authToken: v.auth_token! };
    case "signalwire":
      return { carrier: name, projectId: v.project_id!, signingKey: v.signing_key! };
    case "telnyx":
      return {
        carrier: name,
        publicKey: v.public_key!,
        ...(v.api_key !== undefined && { apiKey: v.api_key }),
      };
  }
}

export function registerCredentials(app: App, services: Services) {
  app.openapi(put, async (c) => {
    const { accountId } = c.get("auth");
    const input = toInput(c.req.valid("param").carrier, c.req.valid("json"));
    await services.credentials.put(accountId, input, services.now());
    const row = (await services.credentials.list(accountId)).find(
      (r) => r.carrier === input.carrier,
    );
    c.get("log")("info", "carrier credentials set", { account: accountId, carrier: input.carrier });
    return c.json(
      {
        carrier: input.carrier,
        account: row?.carrierAccount ?? null,
        updated_at: iso(row?.updatedAt ?? 0)!,
      },
      200,
    );
  });
  app.openapi(list, async (c) => {
    const rows = await services.credentials.list(c.get("auth").accountId);
    return c.json(
      {
        data: rows.map((r) => ({
          carrier: r.carrier,
          account: r.carrierAccount,
          updated_at: iso(r.updatedAt)!,
        })),
      },
      200,
    );
  });
}
