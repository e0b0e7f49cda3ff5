import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
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
    // Written whole under a name of its own, then linked into place: the link fails if another
    // process got there first (theirs is kept), and the key file is never seen half-written.
    // Creating it in place with "wx" let a second server starting at the same moment read it
    // empty and refuse to start.
    const draft = `${file}.${process.pid}.${key.slice(0, 8).replace(/\W/g, "_")}`;
    writeFileSync(draft, `${key}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      unlinkSync(draft);
    }
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
