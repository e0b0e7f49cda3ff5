import { bestOracle, bestSameDataOracle, type DelayCurve } from "./grid";
import { label } from "./svg";

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

/** The sweep as a plain-text table: one block per delay, one row per pool size. */
export function sweepTable(curves: readonly DelayCurve[]): string {
  const lines: string[] = [];
  for (const c of curves) {
    lines.push(`delay median ${label(c.delay_median_min)}`);
    lines.push(
      "   pool    ours baseline  best-oracle  gap(pts)  same-data  gap(pts) |  fs-defaults  fs-oracle  gap(pts)",
    );
    for (const p of c.points) {
      const gap = (ceiling: number, top1: number) =>
        ((ceiling - top1) * 100).toFixed(1).padStart(8);
      const best = bestOracle(p);
      const same = bestSameDataOracle(p);
      lines.push(
        `${String(p.pool).padStart(7)} ${pct(p.ours.top1)}   ${pct(p.baseline.top1)}       ${pct(best)}  ${gap(best, p.ours.top1)}     ${pct(same)}  ${gap(same, p.ours.top1)} |       ${pct(p.fs.top1)}     ${pct(p.oracle.top1)}  ${gap(p.oracle.top1, p.fs.top1)}`,
      );
    }
    const n = (v: number | null) => (v === null ? "> grid" : String(v));
    lines.push(
      `  N for 95% top-1: ours ${n(c.n95.ours)}, baseline ${n(c.n95.baseline)}, FS oracle ${n(c.n95.oracle)}; ratio ${c.ratio ?? "n/a"}; max gap to the best oracle ${c.max_gap_points} pts (${c.max_gap_same_data_points} to the best same-data oracle)`,
    );
    lines.push(
      `  FS defaults: N for 95% ${n(c.n95.fs)}; ratio ${c.fs_ratio ?? "n/a"}; max gap to the FS oracle ${c.fs_max_gap_points} pts`,
    );
    lines.push("");
  }
  return lines.join("\n");
}
