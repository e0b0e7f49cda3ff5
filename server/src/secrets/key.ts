import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config";
import { SecretBox } from "./box";

/**
 * The key that seals carrier credentials. `SECRETS_KEY` (base64 of 32 bytes) wins; otherwise
 * an embedded database gets a key generated once beside it (`secrets.key`, mode 0600), so a
 * fresh install works with no setup. A remote database needs `SECRETS_KEY`: every instance
 * must share one key, and a key on one machine's disk would strand the others.
 */
export function loadSecretsKey(config: Pick<Config, "SECRETS_KEY" | "DATABASE_URL">): SecretBox {
  if (config.SECRETS_KEY) return new SecretBox(decodeKey(config.SECRETS_KEY, "SECRETS_KEY"));
  if (!config.DATABASE_URL.startsWith("file:")) {
    throw new Error("SECRETS_KEY is required when DATABASE_URL is not a file (base64, 32 bytes)");
  }
  const file = join(dirname(config.DATABASE_URL.slice("file:".length)), "secrets.key");
  return new SecretBox(readOrCreateKeyFile(file));
}

function readOrCreateKeyFile(file: string): Uint8Array {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
    try {
      // "wx": if another process created it first, keep theirs rather than overwrite it.
      writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    chmodSync(file, 0o600);
  }
  return decodeKey(readFileSync(file, "utf8").trim(), file);
}

function decodeKey(text: string, source: string): Uint8Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength !== 32 || bytes.toString("base64") !== text.trim()) {
    throw new Error(`${source} must be the base64 of 32 bytes (e.g. \`openssl rand -base64 32\`)`);
  }
  return new Uint8Array(bytes);
}
