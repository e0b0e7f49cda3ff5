import type { InStatement } from "@libsql/client";
import type { Database } from "@ringtrail/db";
import type { Config } from "../config";
import { DEMO_SITE_KEY } from "../demo/seed";
import type { CarrierCredentialInput, CredentialStore } from "./credentials";

type DemoEnv = Pick<
  Config,
  | "TWILIO_ACCOUNT_SID"
  | "TWILIO_AUTH_TOKEN"
  | "SIGNALWIRE_PROJECT_ID"
  | "SIGNALWIRE_SIGNING_KEY"
  | "TELNYX_PUBLIC_KEY"
>;

/** The carrier credentials the environment gives the demo account. */
export function demoCredentials(env: DemoEnv): CarrierCredentialInput[] {
  const out: CarrierCredentialInput[] = [];
  if (env.TWILIO_AUTH_TOKEN) {
    out.push({
      carrier: "twilio",
      accountSid: env.TWILIO_ACCOUNT_SID ?? "",
      authToken: env.TWILIO_AUTH_TOKEN,
    });
  }
  if (env.SIGNALWIRE_SIGNING_KEY) {
    out.push({
      carrier: "signalwire",
      projectId: env.SIGNALWIRE_PROJECT_ID ?? "",
      signingKey: env.SIGNALWIRE_SIGNING_KEY,
    });
  }
  if (env.TELNYX_PUBLIC_KEY) out.push({ carrier: "telnyx", publicKey: env.TELNYX_PUBLIC_KEY });
  return out;
}

/**
 * Stores the environment's carrier credentials for the demo account at every start, so a
 * changed token in the environment takes effect on restart. Returns how many were stored.
 */
export async function applyDemoCredentials(
  database: Database,
  credentials: CredentialStore,
  env: DemoEnv,
  now: number,
): Promise<number> {
  const inputs = demoCredentials(env);
  if (inputs.length === 0) return 0;
  const res = await database.client.execute({
    sql: "SELECT account_id FROM sites WHERE public_key = ?",
    args: [DEMO_SITE_KEY],
  });
  const account = res.rows[0]?.account_id;
  if (typeof account !== "string") return 0;
  const stmts: InStatement[] = [];
  for (const input of inputs) stmts.push(await credentials.statement(account, input, now));
  await database.client.batch(stmts, "write");
  return stmts.length;
}
