import { numbers } from "@ringtrail/db";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, createTestEnv, type Tenant, type TestEnv } from "../../testing/app";
import { addNumbers, createPool, createSite } from "../../testing/fixtures";
import { describeSecurity, snapshotTables } from "../../testing/security";

let env: TestEnv;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  env = await createTestEnv();
  tenant = await createTenant(env);
  other = await createTenant(env, "Other");
});
afterAll(() => env.close());

const importCsv = (csv: string, query = "", t: Tenant = tenant) =>
  call(env, "POST", `/v1/numbers/import${query}`, {
    key: t.admin,
    body: csv,
    headers: { "content-type": "text/csv" },
  });

async function freshPool(t: Tenant = tenant) {
  return createPool(env, t, (await createSite(env, t)).id);
}

const rowsFor = async (e164s: string[]) =>
  env.database.db.select().from(numbers).where(inArray(numbers.e164, e164s));

describe("POST /v1/numbers/import", () => {
  it("creates the good rows and reports each refused row with its line and code", async () => {
    const pool = await freshPool();
    const theirs = await freshPool(other);
    await addNumbers(env, other, theirs.id, ["+13125550299"]);
    const csv = [
      "\uFEFFnumber,carrier,pool",
      `+14155550201,twilio,${pool.id}`,
      `+1 555,twilio,${pool.id}`,
      `"+1 (415) 555-0202",twilio,${pool.id}`,
      "",
      "+1 415 555 0201,twilio,",
      `+13125550299,twilio,${pool.id}`,
      "+14155550203,twilio,pool_doesnotexist",
      `+14155550204,"twilio, inc",${pool.id}`,
      "+18885550205,telnyx,",
      `+14155550206,twilio,${theirs.id}`,
      "",
    ].join("\r\n");
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dry_run: false,
      created: [
        { line: 2, id: expect.stringMatching(/^num_/), number: "+14155550201" },
        { line: 4, id: expect.stringMatching(/^num_/), number: "+14155550202" },
        { line: 10, id: expect.stringMatching(/^num_/), number: "+18885550205" },
      ],
      refused: [
        {
          line: 3,
          number: "+1 555",
          code: "invalid_phone_number",
          message: "number: invalid_phone_number: too short to be a phone number",
        },
        {
          line: 6,
          number: "+14155550201",
          code: "duplicate_in_file",
          message: "Listed twice in this file",
        },
        { line: 7, number: "+13125550299", code: "conflict", message: "Already registered" },
        {
          line: 8,
          number: "+14155550203",
          code: "unknown_pool",
          message: "No such pool pool_doesnotexist",
        },
        {
          line: 9,
          number: "+14155550204",
          code: "validation_failed",
          message: expect.stringMatching(/^carrier: /),
        },
        {
          line: 11,
          number: "+14155550206",
          code: "unknown_pool",
          message: `No such pool ${theirs.id}`,
        },
      ],
    });

    const stored = await rowsFor([
      "+14155550201",
      "+14155550202",
      "+18885550205",
      "+14155550203",
      "+14155550204",
      "+14155550206",
      "+13125550299",
    ]);
    const byNumber = Object.fromEntries(stored.map((n) => [n.e164, n]));
    expect(Object.keys(byNumber).sort()).toEqual([
      "+13125550299",
      "+14155550201",
      "+14155550202",
      "+18885550205",
    ]);
    const [first, second, third] = res.body.created;
    expect(byNumber["+14155550201"]).toMatchObject({
      id: first.id,
      accountId: tenant.account,
      poolId: pool.id,
      carrier: "twilio",
      region: "US-CA",
      kind: "local",
      status: "active",
    });
    expect(byNumber["+14155550202"]).toMatchObject({ id: second.id, poolId: pool.id });
    expect(byNumber["+18885550205"]).toMatchObject({
      id: third.id,
      accountId: tenant.account,
      poolId: null,
      carrier: "telnyx",
      region: null,
      kind: "toll_free",
    });
    expect(byNumber["+13125550299"]).toMatchObject({ accountId: other.account, poolId: theirs.id });

    const listed = await call(env, "GET", `/v1/pools/${pool.id}`, { key: tenant.read });
    expect(listed.body.numbers).toBe(2);
  });

  it("reads the optional columns, and points at the right line after a quoted newline", async () => {
    const csv =
      "status,forward_to,kind,carrier,number\n" +
      'active,,,"twi\nlio",+14155550210\n' +
      "quarantined,+12125550100,toll_free,signalwire,+18005550211\n";
    const res = await importCsv(csv);
    expect(res.body).toEqual({
      dry_run: false,
      created: [{ line: 4, id: expect.stringMatching(/^num_/), number: "+18005550211" }],
      refused: [
        {
          line: 2,
          number: "+14155550210",
          code: "validation_failed",
          message: expect.stringMatching(/^carrier: /),
        },
      ],
    });
    expect(await rowsFor(["+18005550211", "+14155550210"])).toEqual([
      expect.objectContaining({
        e164: "+18005550211",
        status: "quarantined",
        forwardTo: "+12125550100",
        kind: "toll_free",
        carrier: "signalwire",
      }),
    ]);
  });

  it("with ?dry_run=1 reports what it would do and writes nothing", async () => {
    const pool = await freshPool();
    const csv = `number,carrier,pool\n+16175550220,twilio,${pool.id}\n12345,twilio,\n`;
    const report = {
      created: [{ line: 2, id: null, number: "+16175550220" }],
      refused: [
        {
          line: 3,
          number: "12345",
          code: "invalid_phone_number",
          message: expect.stringMatching(/^number: invalid_phone_number: /),
        },
      ],
    };
    for (const query of ["?dry_run=1", "?dry_run=true"]) {
      const before = await snapshotTables(env);
      const res = await importCsv(csv, query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dry_run: true, ...report });
      expect(await snapshotTables(env)).toEqual(before);
    }
    const real = await importCsv(csv, "?dry_run=0");
    expect(real.body).toEqual({
      dry_run: false,
      created: [{ line: 2, id: expect.stringMatching(/^num_/), number: "+16175550220" }],
      refused: report.refused,
    });
    expect(await rowsFor(["+16175550220"])).toHaveLength(1);
  });

  it.each([
    ["a header without number", "carrier,pool\ntwilio,\n", { unknown: [] }],
    ["a header without carrier", "number\n+16175550230\n", { unknown: [] }],
    [
      "an unknown column",
      "number,carrier,colour\n+16175550230,twilio,red\n",
      { unknown: ["colour"] },
    ],
    ["a header only of data", "+16175550230,twilio\n", { unknown: ["+16175550230", "twilio"] }],
  ])("refuses %s with 400 validation_failed and writes nothing", async (_, csv, details) => {
    const before = await snapshotTables(env);
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "validation_failed",
      message:
        "Header must name number and carrier, and only number, carrier, pool, forward_to, kind, status",
      details,
    });
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("refuses an empty file with 400", async () => {
    const res = await importCsv("\uFEFF\r\n");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "validation_failed",
      message: "The CSV is empty",
    });
  });

  it("refuses a file over 2 MiB with 413 and writes nothing", async () => {
    const before = await snapshotTables(env);
    const header = "number,carrier\n+16175550240,twilio\n";
    const res = await importCsv(header + "#".repeat(2 * 1024 * 1024 - header.length + 1));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large" });
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("refuses more than 10,000 rows with 413 and writes nothing", async () => {
    const before = await snapshotTables(env);
    const rows = Array.from(
      { length: 10_001 },
      (_, i) => `+1617${String(i).padStart(7, "0")},twilio`,
    );
    const res = await importCsv(`number,carrier\n${rows.join("\n")}\n`);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: "payload_too_large",
      message: "At most 10000 rows per import",
    });
    expect(await snapshotTables(env)).toEqual(before);
  });

  it("refuses an unknown dry_run value with 400", async () => {
    const before = await snapshotTables(env);
    const res = await importCsv("number,carrier\n+16175550250,twilio\n", "?dry_run=yes");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed" });
    expect(await snapshotTables(env)).toEqual(before);
  });
});

describeSecurity("POST /v1/numbers/import", () => env, {
  scope: "admin",
  setup: async () => ({
    method: "POST",
    path: "/v1/numbers/import",
    body: "number,carrier\n+12065550193,twilio\n",
    headers: { "content-type": "text/csv" },
  }),
});
