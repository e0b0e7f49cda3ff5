import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { describeSecurity } from "../../testing/security";
import { ACCOUNT_SID, telnyxKeys } from "./webhook-fixtures";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
});
afterAll(() => env.close());

const put = (carrier: string, body: Record<string, unknown>, key = tenant.admin) =>
  call(env, "PUT", `/v1/carriers/${carrier}/credentials`, { key, body });

const NOW = "2026-11-24T15:00:00.000Z";

describe("PUT /v1/carriers/{carrier}/credentials", () => {
  it("stores each carrier's secret encrypted and never returns it", async () => {
    const token = "f00dfeedsecretauthtoken0123456789";
    const signingKey = "PSK_signing_key_abcdefghijklmnop";
    const telnyx = telnyxKeys();
    expect(await put("twilio", { account_sid: ACCOUNT_SID, auth_token: token })).toMatchObject({
      status: 200,
      body: { carrier: "twilio", account: ACCOUNT_SID, updated_at: NOW },
    });
    expect(
      (await put("signalwire", { project_id: "proj-1", signing_key: signingKey })).status,
    ).toBe(200);
    expect((await put("telnyx", { public_key: telnyx.publicKey })).status).toBe(200);

    const list = await call(env, "GET", "/v1/carriers/credentials", { key: tenant.read });
    expect(list).toMatchObject({
      status: 200,
      body: {
        data: [
          { carrier: "signalwire", account: "proj-1", updated_at: NOW },
          { carrier: "telnyx", account: null, updated_at: NOW },
          { carrier: "twilio", account: ACCOUNT_SID, updated_at: NOW },
        ],
      },
    });
    expect(JSON.stringify(list.body)).not.toContain(token);

    // At rest: neither the database file nor its WAL holds a secret in the clear.
    await env.database.client.execute("PRAGMA wal_checkpoint(FULL)");
    const files = readdirSync(env.dir).filter((f) => f.startsWith("test.db"));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(env.dir, f))));
    for (const secret of [token, signingKey, telnyx.publicKey]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    expect(await env.services.credentials.get(tenant.account, "twilio")).toEqual({
      carrierAccount: ACCOUNT_SID,
      secret: { carrier: "twilio", authToken: token },
    });
  });

  it("replaces credentials, and a sealed secret does not open for another account", async () => {
    const other = await createTenant(env, "Other");
    await put("twilio", { account_sid: ACCOUNT_SID, auth_token: "first" }, other.admin);
    env.clock.advance(1000);
    await put("twilio", { account_sid: ACCOUNT_SID, auth_token: "second" }, other.admin);
    expect((await env.services.credentials.get(other.account, "twilio"))?.secret).toEqual({
      carrier: "twilio",
      authToken: "second",
    });
    // Copy the other tenant's sealed blob into our row: it must not decrypt there.
    await env.database.client.execute({
      sql: `UPDATE carrier_credentials SET secret = (SELECT secret FROM carrier_credentials
        WHERE account_id = ? AND carrier = 'twilio'), updated_at = updated_at + 7
        WHERE account_id = ? AND carrier = 'twilio'`,
      args: [other.account, tenant.account],
    });
    await expect(env.services.credentials.get(tenant.account, "twilio")).rejects.toThrow();
    await put("twilio", { account_sid: ACCOUNT_SID, auth_token: "restored" });
  });

  it("validates the body against the carrier in the path", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["twilio", { account_sid: "AC123", auth_token: "x" }],
      ["twilio", { account_sid: ACCOUNT_SID, auth_token: "" }],
      ["twilio", { public_key: telnyxKeys().publicKey }],
      ["telnyx", { public_key: "not-base64" }],
      ["telnyx", { public_key: Buffer.alloc(16).toString("base64") }],
      ["signalwire", { project_id: "p", signing_key: "k", extra: 1 }],
    ];
    for (const [carrier, body] of cases) {
      const res = await put(carrier, body);
      expect(res.status, `${carrier} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await put("vonage", { public_key: telnyxKeys().publicKey })).status).toBe(404);
  });
});

describeSecurity("PUT /v1/carriers/{carrier}/credentials", () => env, {
  scope: "admin",
  setup: async () => ({
    // The shared helper's type predates PUT routes; it sends any method as given.
    method: "PUT" as "POST",
    path: "/v1/carriers/twilio/credentials",
    body: { account_sid: ACCOUNT_SID, auth_token: "security-check" },
  }),
});

describeSecurity("GET /v1/carriers/credentials", () => env, {
  scope: "read",
  setup: async () => ({ method: "GET", path: "/v1/carriers/credentials" }),
});
