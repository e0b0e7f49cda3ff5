/**
 * `pnpm bench`: every figure is a ratio or a latency measured in this one run, on this
 * machine, against a yardstick measured alongside it.
 */
import { benchMatching, printMatching } from "./matching";
import { benchVisits } from "./visits";
import { benchWebhooks } from "./webhooks";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main() {
  for (const [label, numbers] of [
    ["a pool with free numbers (60,000)", 60_000],
    ["an exhausted pool (2,000 numbers: visitors share)", 2_000],
  ] as const) {
    console.log(
      `Assignment, ${label}: POST /v1/visits vs a bare Hono route on the same server (50 connections, 10 s each)`,
    );
    const v = await benchVisits({ numbers });
    console.log(
      `  bare route      ${fmt(v.bare.rps)} req/s   p50 ${v.bare.p50} ms   p99 ${v.bare.p99} ms`,
    );
    console.log(
      `  POST /v1/visits ${fmt(v.visits.rps)} req/s   p50 ${v.visits.p50} ms   p99 ${v.visits.p99} ms   errors ${v.visits.errors}, non-2xx ${v.visits.non2xx}`,
    );
    console.log(
      `  committed before answering: ${fmt(v.sessions)} sessions, ${fmt(v.leases)} leases`,
    );
    console.log(
      `  ratio: ${(v.ratio * 100).toFixed(1)}% of the bare route's throughput (target >= 25%, p99 < 5 ms)`,
    );
  }
  console.log(
    "Carrier webhooks: signed Twilio voice webhooks (verify + store + reply) vs a bare route (50 connections, 10 s each)",
  );
  const w = await benchWebhooks();
  console.log(`  bare route                     ${fmt(w.bareRps)} req/s`);
  console.log(
    `  POST /v1/carriers/twilio/voice ${fmt(w.rps)} req/s   p50 ${w.p50} ms   p99 ${w.p99} ms   errors ${w.errors}, non-2xx ${w.non2xx}`,
  );
  console.log(
    `  acknowledged ${fmt(w.acknowledged)}, stored ${fmt(w.stored)}, lost ${fmt(Math.max(0, w.acknowledged - w.stored))}`,
  );
  console.log(`  ratio: ${(w.ratio * 100).toFixed(1)}% of the bare route's throughput`);
  console.log(
    "Call matching: candidates, scores and credit under every model for one call, in process",
  );
  printMatching(await benchMatching());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
