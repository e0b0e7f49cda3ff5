import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SecretBox } from "./box";
import { loadSecretsKey } from "./key";

const dir = mkdtempSync(join(tmpdir(), "rt-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadSecretsKey", () => {
  it("generates a key beside an embedded database once (mode 0600) and reuses it", async () => {
    const config = { DATABASE_URL: `file:${join(dir, "data", "rt.db")}` };
    const first = loadSecretsKey(config);
    const file = join(dir, "data", "secrets.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
    const sealed = await first.seal("auth-token", "acct_1:twilio");
    expect(await loadSecretsKey(config).open(sealed, "acct_1:twilio")).toBe("auth-token");
    await expect(loadSecretsKey(config).open(sealed, "acct_2:twilio")).rejects.toThrow();
  });

  it("takes SECRETS_KEY when set, and names it when it is not 32 bytes of base64", async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const box = loadSecretsKey({
      DATABASE_URL: "libsql://db.example.com",
      SECRETS_KEY: Buffer.from(raw).toString("base64"),
    });
    const sealed = await new SecretBox(raw).seal("x", "a");
    expect(await box.open(sealed, "a")).toBe("x");
    expect(() =>
      loadSecretsKey({
        DATABASE_URL: "file:x.db",
        SECRETS_KEY: Buffer.alloc(16).toString("base64"),
      }),
    ).toThrow(/SECRETS_KEY/);
    expect(() => loadSecretsKey({ DATABASE_URL: "libsql://db.example.com" })).toThrow(
      /SECRETS_KEY/,
    );
  });

  it("gives servers starting at the same moment one key, never a half-written file", async () => {
    const key = fileURLToPath(new URL("./key.ts", import.meta.url));
    // Each process waits for a shared instant, loads the key and seals a value with it.
    const script = `const { loadSecretsKey } = await import(${JSON.stringify(key)});
      const start = Number(process.argv[1]); while (Date.now() < start) {}
      const box = loadSecretsKey({ DATABASE_URL: process.argv[2] });
      process.stdout.write(Buffer.from(await box.seal("same key", "race")).toString("base64"));`;
    for (let round = 0; round < 5; round++) {
      const db = `file:${join(dir, `race-${round}`, "rt.db")}`;
      const start = String(Date.now() + 1500);
      const sealed = await Promise.all(
        Array.from(
          { length: 6 },
          () =>
            new Promise<string>((resolve, reject) =>
              execFile(
                process.execPath,
                ["--import", "tsx", "--input-type=module", "-e", script, start, db],
                (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout)),
              ),
            ),
        ),
      );
      const box = loadSecretsKey({ DATABASE_URL: db });
      for (const s of sealed) {
        expect(await box.open(new Uint8Array(Buffer.from(s, "base64")), "race")).toBe("same key");
      }
      // The drafts are gone: only the key (the database itself is never opened here).
      expect(readdirSync(join(dir, `race-${round}`))).toEqual(["secrets.key"]);
    }
  }, 30_000);
});
