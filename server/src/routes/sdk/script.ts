import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { loadScript } from "@ringtrail/sdk";
import type { App } from "../../context";

interface Served {
  etag: string;
  map: string;
  bodies: { br: Uint8Array; gzip: Uint8Array; identity: string };
}

/** Built and compressed once per process: every page view of every site asks for it. */
async function build(): Promise<Served> {
  const { code, map, etag } = await loadScript();
  return {
    etag,
    map,
    bodies: {
      br: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(code, { level: 9 }),
      identity: code,
    },
  };
}

/** Proxies may weaken an ETag (W/) or send several: any match means the copy is current. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "").replace(/-(br|gzip)"$/, '"');
  return ifNoneMatch.split(",").some(
    (t) =>
      t
        .trim()
        .replace(/^W\//, "")
        .replace(/-(br|gzip)"$/, '"') === bare,
  );
}

/**
 * The browser script. Short max-age so a fix reaches every site within minutes; the ETag
 * makes the revalidation a 304, and stale-while-revalidate keeps it off the critical path.
 */
export function registerSdkScript(app: App) {
  let served: Promise<Served> | null = null;
  const script = () => {
    served ??= build().catch((err: unknown) => {
      served = null;
      throw err;
    });
    return served;
  };
  app.get("/v1/rt.js", async (c) => {
    const { etag, bodies } = await script();
    const accept = c.req.header("accept-encoding") ?? "";
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : "identity";
    const tag = encoding === "identity" ? etag : etag.replace(/"$/, `-${encoding}"`);
    c.header("ETag", tag);
    c.header("Vary", "Accept-Encoding");
    c.header("Cache-Control", "public, max-age=300, stale-while-revalidate=86400");
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    c.header("X-Content-Type-Options", "nosniff");
    if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
    c.header("Content-Type", "application/javascript; charset=utf-8");
    c.header("SourceMap", "/v1/rt.js.map");
    if (encoding === "identity") return c.body(bodies.identity);
    c.header("Content-Encoding", encoding);
    return c.body(bodies[encoding] as Uint8Array<ArrayBuffer>);
  });
  app.get("/v1/rt.js.map", async (c) => {
    const { map } = await script();
    c.header("Cache-Control", "public, max-age=300");
    c.header("Access-Control-Allow-Origin", "*");
    return c.body(map, 200, { "Content-Type": "application/json; charset=utf-8" });
  });
}
