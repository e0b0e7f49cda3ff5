import { Hono } from "hono";
import { expect, it } from "vitest";
import type { AppEnv } from "../context";
import { renderError } from "../errors";
import { bodySizeLimit } from "./body-limit";

function app() {
  const a = new Hono<AppEnv>();
  a.onError(renderError);
  a.use("*", bodySizeLimit(1_000));
  a.post("/echo", async (c) => c.json({ n: (await c.req.text()).length }));
  return a;
}

const stream = (bytes: number) =>
  new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes; i += 100)
        controller.enqueue(new TextEncoder().encode("x".repeat(100)));
      controller.close();
    },
  });

it("refuses a declared length over the limit, and a chunked body once it passes the limit", async () => {
  const ok = await app().request("/echo", {
    method: "POST",
    body: "x".repeat(900),
    headers: { "content-length": "900" },
  });
  expect(await ok.json()).toEqual({ n: 900 });
  const declared = await app().request("/echo", {
    method: "POST",
    body: "x".repeat(10),
    headers: { "content-length": "5000" },
  });
  expect(declared.status).toBe(413);
  const chunkedOk = await app().request("/echo", {
    method: "POST",
    body: stream(500),
    duplex: "half",
  } as RequestInit);
  expect(await chunkedOk.json()).toEqual({ n: 500 });
  const chunked = await app().request("/echo", {
    method: "POST",
    body: stream(5_000),
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe(
    "payload_too_large",
  );
});
