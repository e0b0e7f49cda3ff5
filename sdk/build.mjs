// Builds dist/rt.js and dist/rt.js.map; exits 1 when the gzipped script is over budget.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BUDGET, options, TARGET } from "./bundle.mjs";

const result = await build({ ...options, write: false });
mkdirSync(dirname(options.outfile), { recursive: true });
let code = new Uint8Array();
for (const file of result.outputFiles) {
  writeFileSync(file.path, file.contents);
  if (file.path.endsWith(".js")) code = file.contents;
}
const gz = gzipSync(code, { level: 9 }).length;
const br = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
console.log(
  `dist/rt.js ${code.length} B, ${gz} B gzip, ${br} B brotli (budget ${BUDGET} B gzip; target ${TARGET} B: ${gz <= TARGET ? "met" : `${gz - TARGET} B over`})`,
);
if (gz > BUDGET) {
  console.error(`rt.js is ${gz - BUDGET} B over its ${BUDGET} B gzip budget`);
  process.exit(1);
}
