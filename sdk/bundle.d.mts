import type { BuildOptions } from "esbuild";

export declare const BUDGET: number;
export declare const options: BuildOptions & { outfile: string };
export const TARGET: number;
