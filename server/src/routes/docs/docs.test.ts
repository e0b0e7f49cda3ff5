import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, type TestEnv } from "../../testing/app";

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe("GET /v1/openapi.json", () => {
  it("documents every route with its methods", async () => {
    const res = await call(env, "GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: "3.1.0", info: { title: "Ringtrail API" } });
    const methods = Object.fromEntries(
      Object.entries(res.body.paths as Record<string, object>).map(([path, ops]) => [
        path,
        Object.keys(ops).sort(),
      ]),
    );
    expect(methods).toMatchObject({
      "/v1/visits": ["post"],
      "/v1/visits/{session}/beats": ["post"],
      "/v1/sites": ["get", "post"],
      "/v1/sites/{id}": ["get", "patch"],
      "/v1/pools": ["get", "post"],
      "/v1/pools/{id}": ["get", "patch"],
      "/v1/numbers": ["get", "post"],
      "/v1/numbers/{id}": ["get", "patch"],
      "/v1/numbers/import": ["post"],
    });
  });

  it("declares the bearer scheme that the admin routes require", async () => {
    const { body } = await call(env, "GET", "/v1/openapi.json");
    expect(body.components.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(body.paths["/v1/sites"].post.security).toEqual([{ bearer: [] }]);
    expect(body.paths["/v1/numbers/import"].post.requestBody.content).toHaveProperty("text/csv");
  });
});

describe("GET /docs", () => {
  it("serves the HTML reference that loads the OpenAPI document", async () => {
    const res = await env.app.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('fetch("/v1/openapi.json")');
  });
});
