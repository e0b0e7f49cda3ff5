import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../testing/app";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

it("serves the script compressed as the browser asks, with an ETag that revalidates to 304", async () => {
  const plain = await env.app.request("/v1/rt.js");
  expect(plain.status).toBe(200);
  expect(plain.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
  expect(plain.headers.get("cache-control")).toBe(
    "public, max-age=300, stale-while-revalidate=86400",
  );
  const code = await plain.text();
  expect(code).toContain("rt:swapped");
  // The code carries no sourceMappingURL comment (bytes): the header links the map.
  expect(plain.headers.get("sourcemap")).toBe("/v1/rt.js.map");
  const etag = plain.headers.get("etag")!;
  expect(etag).toMatch(/^"/);

  const br = await env.app.request("/v1/rt.js", {
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  expect(br.headers.get("content-encoding")).toBe("br");
  expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(code);
  const gz = await env.app.request("/v1/rt.js", { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers.get("content-encoding")).toBe("gzip");
  expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(code);

  for (const tag of [etag, `W/${etag}`, br.headers.get("etag")!, `"nope", ${etag}`]) {
    const again = await env.app.request("/v1/rt.js", { headers: { "if-none-match": tag } });
    expect(again.status, tag).toBe(304);
  }
  const stale = await env.app.request("/v1/rt.js", { headers: { "if-none-match": '"other"' } });
  expect(stale.status).toBe(200);
  const map = await env.app.request("/v1/rt.js.map");
  expect(JSON.parse(await map.text()).version).toBe(3);
});
