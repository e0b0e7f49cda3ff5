// The one esbuild configuration for the browser script, shared by build.mjs (CI, the size
// budget) and src/artifact.ts (the server building on demand).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Gzipped bytes the built script may take, sourceMappingURL comment included; the build and a
 * test fail above it. The product target is 1,500 B and is NOT met: with every feature issue 3
 * asks for, the script is 2,030 B (feature-by-feature costs are in the closing note).
 * Until the feature list or the target changes, this gate holds the line at 2 KiB so the
 * script cannot grow unnoticed.
 */
export const BUDGET = 2048;

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
