/**
 * Call matching at scale: the latency of matching one call (candidates, scores, journeys,
 * credit under every model) with 1,000,000 sessions and ~1,000,000 leases over 30 days on
 * 10,000 numbers in the database, and the time each model takes for one 30-day journey.
 * `run.ts` calls `benchMatching()`; `tsx bench/matching.ts` runs it alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHANNELS, seededRandom } from "@ringtrail/core";
import { MODEL_NAMES, modelWeights, type Touch } from "@ringtrail/core/models";
import { type Database, GroupCommit, migrateDatabase, newId, openDatabase } from "@ringtrail/db";
import { matchStatements } from "../src/attribution/index";
import { CallMatcher } from "../src/attribution/matcher";
import { createAccount } from "../src/auth/accounts";

const DAY = 86_400_000;
const HOLD = 30 * 60_000;
const REGIONS = [
  "US-NY",
  "US-CA",
  "US-TX",
  "US-FL",
  "US-IL",
  "US-PA",
  "US-OH",
  "US-GA",
  "US-NC",
  "US-MI",
];
const DEVICES = ["mobile", "mobile", "desktop", "tablet"] as const;

export interface MatchingBench {
  sessions: number;
  leases: number;
  numbers: number;
  seedSeconds: number;
  /** Matching alone (reads, scoring, journeys, credit), ms. */
  match: { p50: number; p99: number; mean: number };
  /** Matching plus committing the call with its matches and credit (one group commit), ms. */
  matchAndStore: { p50: number; p99: number };
  candidatesPerCall: number;
  /**
   * Matching alone with the rate model (the default once an account has 50 calls): the same
   * calls, candidates from 7 days of leases instead of 72 h, ms.
   */
  matchRates: { p50: number; p99: number; mean: number; candidatesPerCall: number };
  /** First call of an account: trains markov and shapley over its 30 days, ms. */
  trainMs: number;
  /** Per model, µs to weigh one 30-day journey of `journeyTouches` touches. */
  models: Record<string, number>;
  journeyTouches: number;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function seed(
  raw: NonNullable<Database["raw"]>,
  o: { account: string; sessions: number; numbers: number; end: number },
) {
  const r = seededRandom(42);
  const site = newId("site");
  const pool = newId("pool");
  raw
    .prepare(`INSERT INTO sites (id, account_id, name, public_key, origins, targets, hold_s, created_at)
      VALUES (?, ?, 'Bench', ?, '[]', '["+18005550100"]', 1800, ?)`)
    .run([site, o.account, `pk_${newId("key").slice(4)}`, o.end - 40 * DAY]);
  raw
    .prepare(`INSERT INTO pools (id, account_id, site_id, name, kind, priority, rules, on_exhausted, created_at)
      VALUES (?, ?, ?, 'Bench', 'session', 10, '{}', 'share', ?)`)
    .run([pool, o.account, site, o.end - 40 * DAY]);
  const numbers: { id: string; e164: string }[] = [];
  const insertNumber =
    raw.prepare(`INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind,
      status, created_at) VALUES (?, ?, ?, ?, 'twilio', 'US-NY', 'local', 'active', ?)`);
  raw.exec("BEGIN");
  for (let i = 0; i < o.numbers; i++) {
    const n = { id: newId("num"), e164: `+1212${String(2_000_000 + i).padStart(7, "0")}` };
    insertNumber.run([n.id, o.account, pool, n.e164, o.end - 40 * DAY]);
    numbers.push(n);
  }
  raw.exec("COMMIT");
  const insertSession =
    raw.prepare(`INSERT INTO sessions (id, account_id, site_id, visitor_id, pool_id, started_at,
      last_seen_at, channel, source, campaign, landing_url, landing_path, country, region, device)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'https://example.com/', ?, 'US', ?, ?)`);
  const insertLease =
    raw.prepare(`INSERT INTO leases (id, account_id, session_id, number_id, target, kind,
      assigned_at, last_seen_at, until) VALUES (?, ?, ?, ?, '+18005550100', 'exclusive', ?, ?, ?)`);
  const insertClick = raw.prepare(`INSERT INTO events (id, account_id, session_id, type, number, at)
      VALUES (?, ?, ?, 'tel_click', ?, ?)`);
  const start = o.end - 30 * DAY;
  const step = (30 * DAY) / o.sessions;
  const visitors = Math.floor(o.sessions * 0.6);
  const batch = 20_000;
  for (let i = 0; i < o.sessions; i += batch) {
    raw.exec("BEGIN");
    for (let j = i; j < Math.min(o.sessions, i + batch); j++) {
      const at = Math.floor(start + j * step);
      const seen = at + Math.floor(r() * 20 * 60_000);
      const id = newId("ses", at);
      const number = numbers[j % numbers.length]!;
      insertSession.run([
        id,
        o.account,
        site,
        `vis_${Math.floor(r() * visitors)}`,
        pool,
        at,
        seen,
        pick(r, CHANNELS),
        pick(r, ["google", "bing", "newsletter", "facebook", null]),
        pick(r, ["brand", "generic", null]),
        pick(r, ["/", "/pricing", "/contact"]),
        pick(r, REGIONS),
        pick(r, DEVICES),
      ]);
      insertLease.run([newId("lse", at), o.account, id, number.id, at, seen, seen + HOLD]);
      if (r() < 0.05) insertClick.run([newId("evt", seen), o.account, id, number.e164, seen]);
    }
    raw.exec("COMMIT");
    const done = Math.min(o.sessions, i + batch);
    if (done % 100_000 === 0 || done === o.sessions) {
      process.stdout.write(
        `\r  seeding: ${done.toLocaleString("en-US")} / ${o.sessions.toLocaleString("en-US")} sessions and leases`,
      );
    }
  }
  process.stdout.write("\n");
  return numbers;
}

/** A 30-day journey: one touch a day on a random channel. */
function journey(days: number, end: number): Touch[] {
  const r = seededRandom(7);
  return Array.from({ length: days }, (_, i) => ({
    sessionId: `ses_${i}`,
    at: end - (days - i) * DAY,
    channel: pick(r, CHANNELS),
    source: null,
    campaign: null,
    landingPath: "/",
  }));
}

export async function benchMatching(
  options: { sessions?: number; numbers?: number; calls?: number } = {},
): Promise<MatchingBench> {
  const sessions = options.sessions ?? 1_000_000;
  const numberCount = options.numbers ?? 10_000;
  const calls = options.calls ?? 2_000;
  const dir = mkdtempSync(join(tmpdir(), "rt-bench-matching-"));
  const database = await openDatabase({ url: `file:${join(dir, "bench.db")}` });
  try {
    await migrateDatabase(database);
    const end = Date.parse("2026-11-24T15:00:00Z");
    const { account } = await createAccount(database, "Matching bench", end - 40 * DAY);
    const seedStart = performance.now();
    const numbers = seed(database.raw!, { account, sessions, numbers: numberCount, end });
    database.raw!.exec("ANALYZE");
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const matcher = new CallMatcher(database.reads, () => end);
    const writer = new GroupCommit(database.client, database.raw);
    const r = seededRandom(99);
    const facts = (i: number) => {
      const number = pick(r, numbers);
      return {
        accountId: account,
        numberId: number.id,
        carrier: "twilio",
        carrierCallId: `CA${i}`,
        from: `+1312555${String(1000 + (i % 9000)).padStart(4, "0")}`,
        to: number.e164,
        // Calls over the last 25 days, so every one has 72 h of leases behind it.
        at: end - Math.floor(r() * 25 * DAY),
        callerRegion: pick(r, REGIONS),
        callerCountry: "US",
        lineType: pick(r, ["mobile", "landline", null]),
      };
    };
    const trainStart = performance.now();
    await matcher.trained.get(account);
    const trainMs = performance.now() - trainStart;

    const matchMs: number[] = [];
    const storeMs: number[] = [];
    let candidates = 0;
    for (let i = 0; i < calls + 200; i++) {
      const f = facts(i);
      const t0 = performance.now();
      const outcome = await matcher.match(f);
      const t1 = performance.now();
      await writer.write([
        {
          sql: `INSERT INTO calls (id, account_id, number_id, carrier, carrier_call_id, "from", "to", direction,
              status, started_at, updated_at) VALUES (?, ?, ?, 'twilio', ?, ?, ?, 'inbound', 'ringing', ?, ?)`,
          args: [
            newId("call", f.at),
            account,
            f.numberId,
            f.carrierCallId,
            f.from,
            f.to,
            f.at,
            f.at,
          ],
        },
        ...matchStatements(outcome, "start", f.at),
      ]);
      const t2 = performance.now();
      // The first 200 warm the statement caches and the JIT.
      if (i >= 200) {
        matchMs.push(t1 - t0);
        storeMs.push(t2 - t0);
        candidates += outcome.matches.length;
      }
    }
    matchMs.sort((a, b) => a - b);
    storeMs.sort((a, b) => a - b);

    await database.client.execute({
      sql: `INSERT INTO match_params (account_id, matcher, updated_at) VALUES (?, 'rates', ?)`,
      args: [account, end],
    });
    const ratesMs: number[] = [];
    let ratesCandidates = 0;
    for (let i = 0; i < calls + 200; i++) {
      const t0 = performance.now();
      const outcome = await matcher.match(facts(calls + 200 + i));
      if (i >= 200) {
        ratesMs.push(performance.now() - t0);
        ratesCandidates += outcome.matches.length;
      }
    }
    ratesMs.sort((a, b) => a - b);

    const trained = await matcher.trained.get(account);
    const path = journey(30, end);
    const models: Record<string, number> = {};
    for (const model of MODEL_NAMES) {
      const opts =
        model === "markov"
          ? { trained: trained.markov }
          : model === "shapley"
            ? { trained: trained.shapley }
            : {};
      const n = 20_000;
      for (let i = 0; i < 1_000; i++) modelWeights(model, path, opts);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) modelWeights(model, path, opts);
      models[model] = ((performance.now() - t0) * 1000) / n;
    }
    return {
      sessions,
      leases: sessions,
      numbers: numberCount,
      seedSeconds,
      match: {
        p50: percentile(matchMs, 50),
        p99: percentile(matchMs, 99),
        mean: matchMs.reduce((a, b) => a + b, 0) / matchMs.length,
      },
      matchAndStore: { p50: percentile(storeMs, 50), p99: percentile(storeMs, 99) },
      candidatesPerCall: candidates / calls,
      matchRates: {
        p50: percentile(ratesMs, 50),
        p99: percentile(ratesMs, 99),
        mean: ratesMs.reduce((a, b) => a + b, 0) / ratesMs.length,
        candidatesPerCall: ratesCandidates / calls,
      },
      trainMs,
      models,
      journeyTouches: path.length,
    };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines `pnpm bench` prints. */
export function printMatching(b: MatchingBench): void {
  const f = (n: number) => n.toFixed(2);
  console.log(
    `  ${b.sessions.toLocaleString("en-US")} sessions, ${b.leases.toLocaleString("en-US")} leases over 30 days, ${b.numbers.toLocaleString("en-US")} numbers (seeded in ${b.seedSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  match one call            p50 ${f(b.match.p50)} ms   p99 ${f(b.match.p99)} ms   mean ${f(b.match.mean)} ms   (${b.candidatesPerCall.toFixed(1)} candidates per call; target p99 < 5 ms)`,
  );
  console.log(
    `  match, rate model         p50 ${f(b.matchRates.p50)} ms   p99 ${f(b.matchRates.p99)} ms   mean ${f(b.matchRates.mean)} ms   (${b.matchRates.candidatesPerCall.toFixed(1)} candidates per call, 7 days of leases)`,
  );
  console.log(
    `  match + commit with call  p50 ${f(b.matchAndStore.p50)} ms   p99 ${f(b.matchAndStore.p99)} ms`,
  );
  console.log(`  train markov + shapley (an account's first call): ${b.trainMs.toFixed(0)} ms`);
  console.log(
    `  models, one ${b.journeyTouches}-touch 30-day journey: ${Object.entries(b.models)
      .map(([m, us]) => `${m} ${us.toFixed(2)} µs`)
      .join(", ")}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sessions = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
  benchMatching({ sessions }).then(printMatching, (err) => {
    console.error(err);
    process.exit(1);
  });
}
