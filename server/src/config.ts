import { z } from "zod";

const flag = z.enum(["0", "1"]).transform((v) => v === "1");

/** Environment, parsed once at start; a bad value stops the process naming the variable. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().default("file:./data/ringtrail.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  GEOIP_DB: z.string().optional(),
  TRUST_PROXY: flag.default(false),
  PUBLIC_BASE_URL: z.url().optional(),
  SECRETS_KEY: z.string().optional(),
  DEMO: flag.default(true),
  /** 1: simulated time for packages/sim (requests set the clock); never in production. */
  SIM_CLOCK: flag.default(false),
  /** Recording copies; defaults to `recordings/` beside an embedded database. */
  RECORDINGS_DIR: z.string().optional(),
  /** The demo account's carrier credentials (optional; others use the credentials API). */
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  SIGNALWIRE_PROJECT_ID: z.string().optional(),
  SIGNALWIRE_SIGNING_KEY: z.string().optional(),
  TELNYX_PUBLIC_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
