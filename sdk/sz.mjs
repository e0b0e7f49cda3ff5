import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const src = process.argv[2];
const r = await build({ stdin: { contents: (await import("node:fs")).readFileSync(src, "utf8"), loader: "ts", resolveDir: "/work/main/sdk/src" }, bundle: true, format: "iife", minify: true, target: "es2017", write: false, legalComments: "none" });
const c = r.outputFiles[0].contents;
console.log(c.length, gzipSync(c, { level: 9 }).length);
