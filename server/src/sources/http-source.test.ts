import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../testing/local-server";
import { fillUrl, HttpSourceFetcher } from "./http-source";

let crm: LocalServer;
let nowMs = Date.parse("2026-11-24T15:00:00Z");

beforeAll(async () => {
  crm = await startLocalServer(async (req, res) => {
    const path = req.path.split("?")[0];
    if (path === "/customer") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ tier: "gold", query: req.path.split("?")[1] ?? "" }));
    } else if (path === "/slow") {
      await new Promise((r) => setTimeout(r, 1500));
      if (!res.destroyed) res.end(JSON.stringify({ late: true }));
    } else if (path === "/huge") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ pad: "x".repeat(10_000) }));
    } else if (path === "/html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>hi</p>");
    } else if (path === "/redirect") {
      res.writeHead(302, { location: "https://elsewhere.example/" });
      res.end();
    } else {
      res.writeHead(500, { "content-type": "application/json" });
      res.end("{}");
    }
  });
});
afterAll(() => crm.close());

function fetcher(maxBytes = 4096) {
  return new HttpSourceFetcher({ now: () => nowMs, loopbackHttp: true, maxBytes });
}

const request = (
  path: string,
  overrides: Partial<Parameters<HttpSourceFetcher["get"]>[0]> = {},
) => ({
  accountId: "acct_a",
  allowList: [crm.origin],
  url: `${crm.origin}${path}`,
  timeoutMs: 300,
  ttlS: 60,
  ...overrides,
});

describe("HttpSourceFetcher", () => {
  it("fetches JSON from an allow-listed host with the placeholders filled", async () => {
    const url = fillUrl(`${crm.origin}/customer?phone={caller_number}`, {
      caller_number: "+14155550100",
      called_number: "+18005550100",
    });
    const result = await fetcher().get(request("", { url }));
    expect(result).toEqual({
      ok: true,
      cached: false,
      value: { tier: "gold", query: "phone=%2B14155550100" },
    });
  });

  it("serves the cache within the TTL and fetches again after it", async () => {
    const f = fetcher();
    const before = crm.received.length;
    await f.get(request("/customer?c=1"));
    const again = await f.get(request("/customer?c=1"));
    expect(again).toMatchObject({ ok: true, cached: true });
    expect(crm.received.length).toBe(before + 1);
    nowMs += 61_000;
    expect(await f.get(request("/customer?c=1"))).toMatchObject({ ok: true, cached: false });
    expect(crm.received.length).toBe(before + 2);
  });

  it("keeps each account's cache to itself", async () => {
    const f = fetcher();
    await f.get(request("/customer?c=2"));
    expect(await f.get(request("/customer?c=2", { accountId: "acct_b" }))).toMatchObject({
      cached: false,
    });
  });

  it("times out a slow host", async () => {
    expect(await fetcher().get(request("/slow"))).toEqual({
      ok: false,
      reason: "timed out after 300 ms",
    });
  });

  it.each([
    ["/huge", "body over 4096 bytes"],
    ["/html", "not JSON (text/html)"],
    ["/redirect", "status 302"],
    ["/broken", "status 500"],
  ])("refuses %s: %s", async (path, reason) => {
    expect(await fetcher().get(request(path))).toEqual({ ok: false, reason });
  });

  it("refuses hosts off the allow-list, and plain http unless loopback http is allowed", async () => {
    const before = crm.received.length;
    expect(await fetcher().get(request("/customer", { allowList: [] }))).toEqual({
      ok: false,
      reason: `${crm.origin} is not on the account's allow-list`,
    });
    const strict = new HttpSourceFetcher({ now: () => nowMs });
    expect(await strict.get(request("/customer"))).toMatchObject({ ok: false });
    expect(crm.received.length).toBe(before);
  });
});
