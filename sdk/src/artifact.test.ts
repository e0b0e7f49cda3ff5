import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterEach, expect, test, vi } from "vitest";
import { BUDGET } from "../bundle.mjs";
import { loadScript } from "./artifact";
import { withRules } from "./testing/server-rules";

afterEach(() => {
  vi.unstubAllGlobals();
});

test("the built script stays within its gzip budget", () => {
  const { code } = loadScript();
  expect(code.length).toBeGreaterThan(1000);
  expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(BUDGET);
});

test("the artifact is one minified IIFE with its source map and a content ETag", () => {
  const a = loadScript();
  expect(loadScript()).toBe(a);
  expect(a.code).toMatch(/^\(\(\)=>\{/);
  // The map is linked by the server's SourceMap header: a comment would cost ~25 B gzip.
  expect(a.code).not.toContain("sourceMappingURL");
  expect(a.code).not.toMatch(/node:|createHash|esbuild/);
  const map = JSON.parse(a.map);
  expect(map.sources.map((s: string) => s.replace(/^.*\/src\//, ""))).toEqual(
    expect.arrayContaining(["index.ts", "rt.ts", "swap.ts"]),
  );
  const hash = createHash("sha256").update(a.code).digest("base64url").slice(0, 22);
  expect(a.etag).toBe(`"${hash}"`);
});

test("the built script swaps a page", async () => {
  const fetchMock = vi.fn(async () => ({
    json: async () =>
      withRules({
        visitor: "vis_1",
        session: "ses_1",
        beat_s: 30,
        hold_s: 1800,
        swaps: [{ target: "+18005551234", number: "+14155550123", display: "(415) 555-0123" }],
      }),
  }));
  vi.stubGlobal("fetch", fetchMock);
  document.body.innerHTML = '<p>Call <b>(800)</b> 555-1234</p><a href="tel:+18005551234">x</a>';
  const s = document.createElement("script");
  s.setAttribute("data-site", "pk_test");
  s.setAttribute("data-api", "https://calls.example.com");
  document.head.append(s);
  new Function(loadScript().code)();
  for (let i = 0; i < 20; i++) await Promise.resolve();
  expect(fetchMock).toHaveBeenCalledWith("https://calls.example.com/v1/visits", expect.anything());
  expect(document.body.innerHTML).toBe(
    '<p>Call <b>(415)</b> 555-0123</p><a href="tel:+14155550123">x</a>',
  );
  expect(
    (window as { ringtrail?: (cmd: string, a: string) => unknown }).ringtrail?.(
      "number",
      "+18005551234",
    ),
  ).toBe("+14155550123");
});
