// The one esbuild configuration for the browser script, shared by build.mjs (CI, the size
// budget) and src/artifact.ts (the server building on demand).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Gzipped bytes the built script may take; the build and a test fail above it. The product
 * target is 1,500 B and is NOT met: with every behaviour issue 3 asks for, the script is
 * 1,676 B (what each feature costs is in sdk/README.md, "Size"). The gate sits just above that
 * so the script cannot grow unnoticed. The source map is linked by the server's `SourceMap`
 * header, not a comment in the code.
 */
export const BUDGET = 1681;

/** The size the script is meant to reach (issue 3); reported by the build, not enforced. */
export const TARGET = 1500;

/** @type {import("esbuild").BuildOptions} */
export const options = {
  entryPoints: [join(here, "src/index.ts")],
  outfile: join(here, "dist/rt.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2017",
  minify: true,
  sourcemap: "external",
  legalComments: "none",
  charset: "utf8",
  // No "use strict" prologue (the base tsconfig is strict): the script does not need it.
  tsconfigRaw: { compilerOptions: { strict: false, alwaysStrict: false } },
  logLevel: "silent",
};
