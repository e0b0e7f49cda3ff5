import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface SimServer {
  url: string;
  key: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`node --import tsx server/src/index.ts`) on a free port over a
 * fresh database in a temp dir, with simulated time and trusted X-Forwarded-For, then
 * creates the simulation's account with the operator CLI.
 */
export async function startServer(timeoutMs = 60_000): Promise<SimServer> {
  const dir = mkdtempSync(join(tmpdir(), "ringtrail-sim-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${join(dir, "sim.db")}`,
    DEMO: "0",
    TRUST_PROXY: "1",
    SIM_CLOCK: "1",
    SECRETS_KEY: randomBytes(32).toString("base64"),
    PUBLIC_BASE_URL: url,
    LOG_LEVEL: "error",
  };
  const key = await createAccount(env);
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
    cwd: REPO_ROOT,
    env: { ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await listening(child, timeoutMs);
  return {
    url,
    key,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

function createAccount(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/src/cli/main.ts", "account", "create", "Sim"],
      { cwd: REPO_ROOT, env },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`account create failed: ${stderr || err.message}`));
        const line = stdout.trim().split("\n").at(-1) ?? "";
        try {
          resolve((JSON.parse(line) as { key: string }).key);
        } catch {
          reject(new Error(`account create printed no JSON: ${stdout}`));
        }
      },
    );
  });
}

function listening(child: ChildProcess, timeoutMs: number): Promise<void> {
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      // Keep the server's output only until it listens; afterwards drain it unread.
      if (out.length < 50_000) out += d;
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
