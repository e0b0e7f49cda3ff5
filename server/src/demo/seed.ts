import type { InStatement } from "@libsql/client";
import { parsePhone, phoneRegion } from "@ringtrail/core/phone";
import { type Database, newId } from "@ringtrail/db";
import { accountStatements } from "../auth/accounts";
import { sampleFlowDocument } from "../routes/call-flows/sample-flow";
import { versionRow } from "../routes/call-flows/store";

/** Public keys are not secrets (they sit in every page); a fixed one keeps README's curl copy-pasteable. */
export const DEMO_SITE_KEY = "pk_demo0000000000000000000000";
export const DEMO_MAIN_LINE = "+18005550100";
export const DEMO_SUPPORT_LINE = "+18885550111";

const PAID_SEARCH_NUMBERS = [
  "+14155550101",
  "+12125550102",
  "+15125550103",
  "+13125550104",
  "+12065550105",
  "+13055550106",
];
const WEBSITE_NUMBERS = [
  "+14155550111",
  "+13105550112",
  "+12125550113",
  "+16175550114",
  "+15125550115",
  "+17135550116",
  "+13125550117",
  "+12065550118",
  "+13055550119",
  "+14045550120",
  "+13035550121",
  "+16025550122",
];

export interface DemoSeed {
  account: string;
  key: string;
  site: string;
  publicKey: string;
}

/**
 * Seeds the demo advertiser once: an account and admin key, a site with two targets (the
 * main line and a support line), a paid-search pool, a catch-all website pool with local
 * numbers across the US, and a source pool that gives the support line one number.
 * Also the sample call flow with its on-duty agent (see callFlowStatements).
 * Returns null when the demo is already there.
 */
export async function seedDemo(
  database: Database,
  origins: string[],
  now: number,
): Promise<DemoSeed | null> {
  const { client } = database;
  const exists = await client.execute({
    sql: "SELECT id FROM sites WHERE public_key = ?",
    args: [DEMO_SITE_KEY],
  });
  if (exists.rows.length > 0) return null;
  const { account, key, stmts: accountStmts } = await accountStatements("Demo advertiser", now);
  const site = newId("site");
  const paid = newId("pool");
  const website = newId("pool");
  const support = newId("pool");
  const stmts: InStatement[] = [
    ...accountStmts,
    {
      sql: "INSERT INTO sites (id, account_id, name, public_key, origins, targets, hold_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      args: [
        site,
        account,
        "Demo advertiser",
        DEMO_SITE_KEY,
        JSON.stringify(origins),
        JSON.stringify([DEMO_MAIN_LINE, DEMO_SUPPORT_LINE]),
        1800,
        now,
      ],
    },
    pool(
      paid,
      account,
      site,
      "Google Ads",
      "session",
      20,
      { channel: ["paid_search"] },
      DEMO_MAIN_LINE,
      now,
    ),
    pool(website, account, site, "Website visitors", "session", 0, {}, DEMO_MAIN_LINE, now),
    pool(support, account, site, "Support line", "source", 0, {}, DEMO_SUPPORT_LINE, now),
    ...PAID_SEARCH_NUMBERS.map((n) => number(account, paid, n, now)),
    ...WEBSITE_NUMBERS.map((n) => number(account, website, n, now)),
    number(account, support, "+18885550130", now),
    ...callFlowStatements(account, now),
  ];
  try {
    await client.batch(stmts, "write");
  } catch (err) {
    // Another instance seeded it between our check and our write: one batch, so nothing half-done.
    if (String(err).includes("UNIQUE constraint failed")) return null;
    throw err;
  }
  return { account, key, site, publicKey: DEMO_SITE_KEY };
}

/** The demo's on-duty specialist: weekdays 09:00–17:00 in New York. */
const DEMO_AGENT_LINE = "+12125550142";
const DEMO_VIP_DESK = "+12125550101";

/**
 * The sample call flow (business hours, the `vip` table, on-duty fallback), active at
 * version 1, with one agent and her weekday shift. Part of the seed's one batch.
 */
function callFlowStatements(account: string, now: number): InStatement[] {
  const flow = newId("flow", now);
  const agent = newId("agt", now);
  const document = sampleFlowDocument({
    vipDesk: DEMO_VIP_DESK,
    fallback: DEMO_MAIN_LINE,
    mailbox: "voicemail@demo.example",
  });
  // The sample flow has no http source, so the empty allow-list is the account's own.
  const version = versionRow(flow, 1, document, now, { httpAllowList: [] });
  return [
    {
      sql: "INSERT INTO call_flows (id, account_id, name, active_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      args: [flow, account, "Main line", version.valid ? 1 : null, now, now],
    },
    {
      sql: "INSERT INTO call_flow_versions (flow_id, version, document, valid, errors, created_at) VALUES (?, 1, ?, ?, ?, ?)",
      args: [
        flow,
        JSON.stringify(document),
        version.valid ? 1 : 0,
        JSON.stringify(version.errors),
        now,
      ],
    },
    {
      sql: "INSERT INTO agents (id, account_id, name, contacts, channel_types, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      args: [
        agent,
        account,
        "Dana (support)",
        JSON.stringify({ voice: DEMO_AGENT_LINE }),
        '["voice"]',
        now,
      ],
    },
    {
      sql: "INSERT INTO shifts (id, account_id, agent_id, rrule, time_zone, duration_min, channel_types, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      args: [
        newId("shf", now),
        account,
        agent,
        "DTSTART:20260302T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "America/New_York",
        480,
        '["voice"]',
        now,
      ],
    },
  ];
}

function pool(
  id: string,
  account: string,
  site: string,
  name: string,
  kind: "session" | "source",
  priority: number,
  rules: object,
  target: string,
  now: number,
): InStatement {
  return {
    sql: `INSERT INTO pools (id, account_id, site_id, name, kind, priority, rules, target, fallback, on_exhausted, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'share', ?)`,
    args: [id, account, site, name, kind, priority, JSON.stringify(rules), target, now],
  };
}

function number(account: string, poolId: string, e164: string, now: number): InStatement {
  const parsed = parsePhone(e164);
  if (!parsed.ok) throw new Error(`demo number ${e164} is invalid: ${parsed.message}`);
  return {
    sql: `INSERT INTO numbers (id, account_id, pool_id, e164, carrier, region, kind, status, forward_to, leased_until, created_at)
      VALUES (?, ?, ?, ?, 'twilio', ?, ?, 'active', ?, 0, ?)`,
    args: [
      newId("num"),
      account,
      poolId,
      e164,
      phoneRegion(e164),
      parsed.type === "toll_free" ? "toll_free" : "local",
      DEMO_MAIN_LINE,
      now,
    ],
  };
}
