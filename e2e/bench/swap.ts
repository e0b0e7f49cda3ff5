/**
 * The script in a real Chromium against the real server: its size, and the time from the
 * script's start to the numbers being swapped (performance marks "rt:start" and
 * "rt:swapped"), on a first visit (waits for POST /v1/visits) and on a later page (swaps
 * from the cached assignment). Medians of several runs, measured in one run.
 */
import { brotliCompressSync, gzipSync } from "node:zlib";
import { launchChromium } from "../src/browser";
import { startRingtrail } from "../src/server";

const RUNS = 15;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main() {
  const server = await startRingtrail();
  const browser = await launchChromium();
  try {
    const code = await (await fetch(`${server.url}/v1/rt.js`)).text();
    console.log(
      `SDK: rt.js ${code.length} B, ${gzipSync(code, { level: 9 }).length} B gzip, ${brotliCompressSync(code).length} B brotli (target 1,500 B gzip, build gate 1,681 B)`,
    );
    const first: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const into of [first, cached]) {
        await page.goto(`${server.url}/demo`);
        await page.waitForFunction(
          () => performance.getEntriesByName("rt:swapped").length > 0,
          null,
          { timeout: 10_000 },
        );
        into.push(
          await page.evaluate(
            () =>
              performance.getEntriesByName("rt:swapped")[0]!.startTime -
              performance.getEntriesByName("rt:start")[0]!.startTime,
          ),
        );
      }
      await context.close();
    }
    const fmt = (xs: number[]) =>
      `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
    console.log(
      `  script start -> numbers swapped, first visit (waits for the API): ${fmt(first)}`,
    );
    console.log(
      `  script start -> numbers swapped, later page (cached assignment):   ${fmt(cached)}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
