import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import {
  addNumbers,
  createPool,
  createSite,
  GOOGLEBOT_UA,
  IP,
  MOBILE_UA,
  TARGET,
  visit,
} from "../../testing/fixtures";

let env: TestEnv;
let tenant: Tenant;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
  tenant = await createTenant(env);
});
afterAll(() => env.close());

async function freshSite(
  numbers: string[],
  pool: Record<string, unknown> = {},
  siteBody: Record<string, unknown> = {},
) {
  const site = await createSite(env, tenant, siteBody);
  const p = await createPool(env, tenant, site.id, pool);
  const ids = await addNumbers(env, tenant, p.id, numbers);
  return { site, pool: p, ids };
}

const liveLeases = async (session: string) =>
  (
    await env.database.client.execute({
      sql: "SELECT l.kind, n.e164 FROM leases l JOIN numbers n ON n.id = l.number_id WHERE l.session_id = ?",
      args: [session],
    })
  ).rows.map((r) => ({ kind: r.kind, number: r.e164 }));

describe("POST /v1/visits", () => {
  it("gives a new visitor a session and a tracking number for each target, committed before the answer", async () => {
    const { site } = await freshSite(["+14155550101"]);
    const res = await visit(env, site, {
      url: "https://example.com/pricing?utm_source=google&utm_medium=cpc&gclid=abc",
      // The script sends the _ga cookie as it is.
      gaClientId: "GA1.1.123.456",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      visitor: expect.stringMatching(/^vis_/),
      session: expect.stringMatching(/^ses_/),
      beat_s: 30,
      hold_s: 1800,
      swaps: [{ target: TARGET, number: "+14155550101", display: "(415) 555-0101" }],
      match: {
        "8005550100": ["4155550101", "(415) 555-0101"],
        "08005550100": ["04155550101", "(415) 555-0101"],
        "18005550100": ["14155550101", "(415) 555-0101"],
        "108005550100": ["104155550101", "(415) 555-0101"],
      },
      re: expect.stringContaining("8[\\s().+/\\0-]{0,3}0"),
      skip: "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input",
    });
    expect(await liveLeases(res.body.session)).toEqual([
      { kind: "exclusive", number: "+14155550101" },
    ]);
    const s = await env.database.client.execute({
      sql: "SELECT channel, source, landing_path, click_ids, device, ga_client_id FROM sessions WHERE id = ?",
      args: [res.body.session],
    });
    expect(s.rows[0]).toMatchObject({
      ga_client_id: "123.456",
      channel: "paid_search",
      source: "google",
      landing_path: "/pricing",
      device: "desktop",
    });
    expect(JSON.parse(String(s.rows[0]?.click_ids))).toEqual({ gclid: "abc" });
  });

  it("keeps a returning visitor on the number they saw while inside the hold time", async () => {
    const { site } = await freshSite(["+14155550111", "+12125550112", "+13125550113"]);
    const first = await visit(env, site);
    env.clock.advance(10 * 60_000);
    const again = await visit(env, site, { visitor: first.body.visitor });
    expect(again.body.session).toBe(first.body.session);
    expect(again.body.swaps).toEqual(first.body.swaps);
    const other = await visit(env, site);
    expect(other.body.swaps[0].number).not.toBe(first.body.swaps[0].number);
  });

  it("a visitor back after the hold time starts a new session", async () => {
    const { site } = await freshSite(["+14155550121", "+12125550122"]);
    const first = await visit(env, site);
    env.clock.advance(31 * 60_000);
    const later = await visit(env, site, { visitor: first.body.visitor });
    expect(later.body.visitor).toBe(first.body.visitor);
    expect(later.body.session).not.toBe(first.body.session);
  });

  it("a visitor back after the hold time does not reclaim a number someone else holds now", async () => {
    const { site } = await freshSite(["+13125550261", "+13125550262", "+13125550263"]);
    const a = await visit(env, site);
    expect(a.body.swaps[0].number).toBe("+13125550261");
    env.clock.advance(60_000);
    await visit(env, site); // takes ...262
    env.clock.advance(31 * 60_000); // both leases have run out; ...261 was released first
    await visit(env, site); // the never-used ...263
    const c = await visit(env, site); // ...261, released longest ago
    expect(c.body.swaps[0].number).toBe("+13125550261");
    const back = await visit(env, site, { visitor: a.body.visitor });
    expect(back.body.swaps[0].number).toBe("+13125550262");
    expect(await liveLeases(back.body.session)).toEqual([
      { kind: "exclusive", number: "+13125550262" },
    ]);
  });

  it("prefers a number in the visitor's region (local presence)", async () => {
    // The rule itself: with exploration on (5% by default), a share of visits tries another
    // kind of number by design.
    const { site } = await freshSite(
      ["+12125550131", "+14155550132", "+13055550133"],
      {},
      { exploration: 0 },
    );
    const ca = await visit(env, site, { ip: IP.CA });
    const ny = await visit(env, site, { ip: IP.NY });
    const fl = await visit(env, site, { ip: IP.FL });
    expect(ca.body.swaps[0].number).toBe("+14155550132");
    expect(ny.body.swaps[0].number).toBe("+12125550131");
    expect(fl.body.swaps[0].number).toBe("+13055550133");
    const geo = await env.database.client.execute({
      sql: "SELECT region, country FROM sessions WHERE id = ?",
      args: [ca.body.session],
    });
    expect(geo.rows[0]).toMatchObject({ region: "US-CA", country: "US" });
  });

  it("hands out the number released longest ago first", async () => {
    const { site } = await freshSite(["+13125550141", "+13125550142"]);
    const a = await visit(env, site);
    env.clock.advance(60_000);
    const b = await visit(env, site);
    expect(new Set([a.body.swaps[0].number, b.body.swaps[0].number]).size).toBe(2);
    // Both expire; a's lease ended a minute before b's, so the next visitor gets a's number.
    env.clock.advance(31 * 60_000);
    const c = await visit(env, site);
    expect(c.body.swaps[0].number).toBe(a.body.swaps[0].number);
  });

  it("when the pool is exhausted, shares the number whose holder is most unlike the visitor", async () => {
    const { site } = await freshSite(["+12125550151", "+14155550152"]);
    await visit(env, site, { ip: IP.NY, ua: MOBILE_UA }); // takes the 212 number
    await visit(env, site, { ip: IP.CA }); // takes the 415 number, desktop
    const third = await visit(env, site, { ip: IP.CA, ua: MOBILE_UA });
    expect(third.body.swaps[0].number).toBe("+12125550151");
    expect(await liveLeases(third.body.session)).toEqual([
      { kind: "shared", number: "+12125550151" },
    ]);
  });

  it("falls back to the pool's fallback number when it says so", async () => {
    const { site } = await freshSite(["+12125550161"], {
      fallback: "+18885550199",
      on_exhausted: "fallback",
    });
    await visit(env, site);
    const second = await visit(env, site);
    expect(second.body.swaps).toEqual([
      { target: TARGET, number: "+18885550199", display: "(888) 555-0199" },
    ]);
    expect(await liveLeases(second.body.session)).toEqual([]);
  });

  it("picks the pool by context: paid search visitors get the paid pool", async () => {
    const site = await createSite(env, tenant);
    const paid = await createPool(env, tenant, site.id, {
      name: "Paid",
      priority: 10,
      rules: { channel: ["paid_search"] },
    });
    const rest = await createPool(env, tenant, site.id, { name: "Rest" });
    await addNumbers(env, tenant, paid.id, ["+14155550171"]);
    await addNumbers(env, tenant, rest.id, ["+14155550172"]);
    const ad = await visit(env, site, { url: "https://example.com/?gclid=x" });
    const organic = await visit(env, site, { referrer: "https://www.google.com/" });
    expect(ad.body.swaps[0].number).toBe("+14155550171");
    expect(organic.body.swaps[0].number).toBe("+14155550172");
  });

  it("gives bots the site's own numbers and no lease", async () => {
    const { site } = await freshSite(["+14155550181"]);
    const res = await visit(env, site, { ua: GOOGLEBOT_UA });
    expect(res.body).toEqual({
      visitor: null,
      session: null,
      beat_s: 30,
      hold_s: 1800,
      swaps: [],
      match: {},
      re: "(?!)",
      skip: expect.stringContaining("[itemprop=telephone]"),
      bot: true,
    });
    const human = await visit(env, site);
    expect(human.body.swaps[0].number).toBe("+14155550181");
  });

  it("continues the session on single-page-app navigations", async () => {
    const { site } = await freshSite(["+14155550191"]);
    const first = await visit(env, site);
    const nav = await visit(env, site, {
      visitor: first.body.visitor,
      session: first.body.session,
      url: "https://example.com/pricing",
    });
    expect(nav.body.session).toBe(first.body.session);
    const views = await env.database.client.execute({
      sql: "SELECT page_views FROM sessions WHERE id = ?",
      args: [first.body.session],
    });
    expect(views.rows[0]?.page_views).toBe(2);
  });

  it("answers CORS only for the site's origins", async () => {
    const { site } = await freshSite(["+14155550201"]);
    const ok = await visit(env, site, { origin: "https://example.com" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://example.com");
    const bad = await visit(env, site, { origin: "https://evil.example" });
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe("forbidden");
  });

  it("refuses bad input with a code and writes nothing", async () => {
    const { site } = await freshSite(["+14155550211"]);
    const before = await env.database.client.execute(
      "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM leases) AS n",
    );
    const send = (body: string) =>
      call(env, "POST", "/v1/visits", { body, headers: { "content-type": "text/plain" } });
    expect((await send("{not json")).body.error.code).toBe("invalid_json");
    expect((await send(JSON.stringify({ site: site.public_key, url: 42 }))).body.error.code).toBe(
      "validation_failed",
    );
    expect(
      (await send(JSON.stringify({ site: site.public_key, url: "javascript:alert(1)" }))).status,
    ).toBe(400);
    expect(
      (await send(JSON.stringify({ site: "pk_doesnotexist000", url: "https://example.com/" }))).body
        .error.code,
    ).toBe("unknown_site");
    const huge = await send(
      JSON.stringify({
        site: site.public_key,
        url: "https://example.com/",
        referrer: "x".repeat(40_000),
      }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    const after = await env.database.client.execute(
      "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM leases) AS n",
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});

describe("POST /v1/visits/{session}/beats", () => {
  it("extends the leases and stores tel: clicks and swap timing", async () => {
    const { site } = await freshSite(["+14155550221"]);
    const v = await visit(env, site);
    env.clock.advance(25 * 60_000);
    const beat = await call(env, "POST", `/v1/visits/${v.body.session}/beats`, {
      body: JSON.stringify({
        events: [
          // As the script sends it: the link's href.
          { type: "tel_click", number: "tel:1-415-555-0221", at: "2026-11-24T15:25:00Z" },
          { type: "tel_click", number: "+18005559999" },
        ],
        swap_ms: 12,
      }),
      headers: { "content-type": "text/plain" },
    });
    expect(beat.status).toBe(204);
    // 25 + 20 minutes: past the first hold, inside the extended one, so a new visitor cannot have it.
    env.clock.advance(20 * 60_000);
    const other = await visit(env, site);
    expect(other.body.swaps[0].number).toBe("+14155550221");
    expect(await liveLeases(other.body.session)).toEqual([
      { kind: "shared", number: "+14155550221" },
    ]);
    const events = await env.database.client.execute({
      sql: "SELECT type, number, value FROM events WHERE session_id = ? ORDER BY type, number DESC",
      args: [v.body.session],
    });
    expect(events.rows.map((r) => ({ ...r }))).toEqual([
      { type: "swap_timing", number: null, value: "12" },
      { type: "tel_click", number: "+14155550221", value: null },
      { type: "tel_click", number: null, value: null },
    ]);
  });

  it("tells a page whose leases ran out to ask again", async () => {
    const { site } = await freshSite(["+14155550231"]);
    const v = await visit(env, site);
    env.clock.advance(2 * 3600_000);
    const beat = await call(env, "POST", `/v1/visits/${v.body.session}/beats`, {
      body: { events: [] },
    });
    expect(beat.status).toBe(200);
    expect(beat.body).toEqual({ renew: true });
  });

  it("404s an unknown session and 400s bad events", async () => {
    const unknown = await call(env, "POST", "/v1/visits/ses_0000000000000000/beats", {
      body: { events: [] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("unknown_session");
    const { site } = await freshSite(["+14155550241"]);
    const v = await visit(env, site);
    const bad = await call(env, "POST", `/v1/visits/${v.body.session}/beats`, {
      body: { events: [{ type: "Tel Click!" }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe("consent", () => {
  it("a consentless page-scoped visit upgrades to the visitor's session when consent arrives", async () => {
    const site = await createSite(env, tenant);
    const pool = await createPool(env, tenant, site.id);
    await addNumbers(env, tenant, pool.id, ["+14155550251"]);
    const body = (extra: Record<string, unknown>) =>
      JSON.stringify({ site: site.public_key, url: "https://example.com/", ...extra });
    const send = (extra: Record<string, unknown>) =>
      call(env, "POST", "/v1/visits", {
        body: body(extra),
        headers: { "content-type": "text/plain" },
      });
    const before = await send({ visitor: null, consentless: true });
    expect(before.body.visitor).toBeNull();
    expect(before.body.swaps[0].number).toBe("+14155550251");
    const after = await send({ visitor: null, session: before.body.session });
    expect(after.body.session).toBe(before.body.session);
    expect(after.body.visitor).toMatch(/^vis_/);
    expect(after.body.swaps).toEqual(before.body.swaps);
    const row = await env.database.client.execute({
      sql: "SELECT visitor_id, consentless FROM sessions WHERE id = ?",
      args: [before.body.session],
    });
    expect(row.rows[0]).toMatchObject({ visitor_id: after.body.visitor, consentless: 0 });
  });
});
