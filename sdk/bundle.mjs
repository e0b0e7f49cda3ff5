// The one esbuild configuration for the browser script, shared by build.mjs (CI, the size
// budget) and src/artifact.ts (the server building on demand).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Gzipped bytes the built script may take, sourceMappingURL comment included. */
export const BUDGET = 1500;

/** @type {import("esbuild").BuildOptions} */
export const options = {
  entryPoints: [join(here, "src/index.ts")],
  outfile: join(here, "dist/rt.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2017",
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  charset: "utf8",
  // No "use strict" prologue (the base tsconfig is strict): the script does not need it.
  tsconfigRaw: { compilerOptions: { strict: false, alwaysStrict: false } },
  logLevel: "silent",
};
