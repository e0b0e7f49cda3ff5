import { bestOracle, type DelayCurve } from "./grid";
import { label } from "./svg";

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

/** The sweep as a plain-text table: one block per delay, one row per pool size. */
export function sweepTable(curves: readonly DelayCurve[]): string {
  const lines: string[] = [];
  for (const c of curves) {
    lines.push(`delay median ${label(c.delay_median_min)}`);
    lines.push(
      "   pool    ours baseline  oracle  gap(pts)  oracle-same-data  gap(pts) |   rate  rate-oracle  gap to best oracle(pts)",
    );
    for (const p of c.points) {
      const gap = (ceiling: number) => ((ceiling - p.ours.top1) * 100).toFixed(1).padStart(8);
      lines.push(
        `${String(p.pool).padStart(7)} ${pct(p.ours.top1)}   ${pct(p.baseline.top1)}  ${pct(p.oracle.top1)}  ${gap(p.oracle.top1)}  ${pct(p.oracle_same_data.top1)}            ${gap(p.oracle_same_data.top1)} | ${pct(p.rate.top1)}  ${pct(p.rate_oracle.top1)}       ${((bestOracle(p) - p.rate.top1) * 100).toFixed(1).padStart(8)}`,
      );
    }
    const n = (v: number | null) => (v === null ? "> grid" : String(v));
    lines.push(
      `  N for 95% top-1: ours ${n(c.n95.ours)}, baseline ${n(c.n95.baseline)}, oracle ${n(c.n95.oracle)}; ratio ${c.ratio ?? "n/a"}; max gap to oracle ${c.max_gap_points} pts (${c.max_gap_same_data_points} to the same-data oracle)`,
    );
    lines.push(
      `  rate model: N for 95% ${n(c.n95.rate)}; ratio ${c.rate_ratio ?? "n/a"}; max gap to the best oracle ${c.rate_max_gap_points} pts`,
    );
    lines.push("");
  }
  return lines.join("\n");
}
