// Node side of the package: the server serves the browser script built from this source.
import { createHash } from "node:crypto";
import { buildSync } from "esbuild";
import { options } from "../bundle.mjs";

/** The built browser script, its source map, and a strong ETag for both. */
export interface ScriptArtifact {
  code: string;
  map: string;
  etag: string;
}

let cached: ScriptArtifact | undefined;

/**
 * Builds `rt.js` once per process with the same esbuild options as `build.mjs`, in memory.
 * The code carries no `sourceMappingURL` comment (it would count against the size budget):
 * serve the map beside it and link it with a `SourceMap: /v1/rt.js.map` response header.
 *
 * @example
 * const { code, etag } = loadScript();
 * app.get("/v1/rt.js", (c) => c.body(code, 200, { "content-type": "text/javascript; charset=utf-8", etag }));
 */
export function loadScript(): ScriptArtifact {
  if (!cached) {
    const { outputFiles } = buildSync({ ...options, write: false });
    const text = (ext: string) => outputFiles.find((f) => f.path.endsWith(ext))!.text;
    const code = text(".js");
    const hash = createHash("sha256").update(code).digest("base64url").slice(0, 22);
    cached = { code, map: text(".js.map"), etag: `"${hash}"` };
  }
  return cached;
}
