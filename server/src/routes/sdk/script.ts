import { loadScript, type ScriptArtifact } from "@ringtrail/sdk";
import type { App } from "../../context";

/**
 * The browser script. Short max-age so a fix reaches every site within minutes; the ETag
 * makes the revalidation a 304, and stale-while-revalidate keeps it off the critical path.
 */
export function registerSdkScript(app: App) {
  let artifact: Promise<ScriptArtifact> | null = null;
  const script = () => {
    artifact ??= Promise.resolve(loadScript()).catch((err: unknown) => {
      artifact = null;
      throw err;
    });
    return artifact;
  };
  app.get("/v1/rt.js", async (c) => {
    const { code, etag } = await script();
    c.header("ETag", etag);
    c.header("Cache-Control", "public, max-age=300, stale-while-revalidate=86400");
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    c.header("Content-Type", "application/javascript; charset=utf-8");
    c.header("SourceMap", "/v1/rt.js.map");
    return c.body(code);
  });
  app.get("/v1/rt.js.map", async (c) => {
    const { map } = await script();
    c.header("Cache-Control", "public, max-age=300");
    c.header("Access-Control-Allow-Origin", "*");
    return c.body(map, 200, { "Content-Type": "application/json; charset=utf-8" });
  });
}
