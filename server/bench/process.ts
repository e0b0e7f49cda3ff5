import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  non2xx: number;
}

/**
 * Starts bench-server.ts as one process (`node --import tsx`) pinned to core 0, leaving the
 * other core to the load generator, as the figures in performance.md were measured.
 */
export async function startBenchServer(env: Record<string, string>) {
  const args = ["-c", "0", process.execPath, "--import", "tsx", "bench/bench-server.ts"];
  const child = spawn("taskset", args, {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`bench server exited ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** autocannon at 50 connections for 10 s unless told otherwise. */
export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const r = await autocannon({ connections: 50, duration: 10, ...opts });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r["2xx"],
    errors: r.errors,
    non2xx: r.non2xx,
  };
}
