import { bestOracle, type DelayCurve } from "./grid";
import type { PointResult } from "./point";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
const LINES = {
  ours: { dash: "", top1: (p: PointResult) => p.ours.top1 },
  baseline: { dash: "6 4", top1: (p: PointResult) => p.baseline.top1 },
  oracle: { dash: "2 3", top1: bestOracle },
  fs: { dash: "10 3 2 3", top1: (p: PointResult) => p.fs.top1 },
} as const;

/**
 * A hand-written SVG line chart: x = pool size, y = top-1 accuracy; one colour per delay,
 * one dash style per matcher (solid ours, dashed baseline, dotted best oracle, dash-dot FS).
 */
export function sweepSvg(curves: readonly DelayCurve[]): string {
  const W = 760;
  const H = 460;
  const m = { l: 60, r: 190, t: 30, b: 50 };
  const pools = curves.flatMap((c) => c.points.map((p) => p.pool));
  const xMax = Math.max(...pools);
  const xMin = Math.min(...pools);
  const yMin =
    Math.floor(Math.min(...curves.flatMap((c) => c.points.map((p) => p.baseline.top1))) * 10) / 10;
  // Log scale: the pools run from the rule of thumb to 128 times it.
  const span = Math.log(xMax / xMin) || 1;
  const x = (v: number) => m.l + (Math.log(v / xMin) / span) * (W - m.l - m.r);
  const y = (v: number) => H - m.b - ((v - yMin) / (1 - yMin || 1)) * (H - m.t - m.b);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.l}" y="18" font-size="14">Top-1 accuracy vs pool size (solid: ours, dashed: baseline, dotted: best oracle, dash-dot: FS defaults)</text>`,
  ];
  for (let v = yMin; v <= 1.0001; v += 0.1) {
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  out.push(
    `<line x1="${m.l}" x2="${W - m.r}" y1="${y(0.95)}" y2="${y(0.95)}" stroke="#999" stroke-dasharray="1 3"/>`,
  );
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const p of [...new Set(pools)].sort((a, b) => a - b)) {
    if (x(p) - lastLabel < 36) continue;
    lastLabel = x(p);
    out.push(`<text x="${x(p)}" y="${H - m.b + 18}" text-anchor="middle">${p}</text>`);
  }
  out.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 10}" text-anchor="middle">pool size (numbers, log scale)</text>`,
  );
  curves.forEach((c, i) => {
    const color = COLORS[i % COLORS.length];
    for (const line of Object.values(LINES)) {
      const pts = c.points
        .map((p) => `${x(p.pool).toFixed(1)},${y(line.top1(p)).toFixed(1)}`)
        .join(" ");
      out.push(
        `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="${line.dash}"/>`,
      );
    }
    out.push(
      `<line x1="${W - m.r + 15}" x2="${W - m.r + 40}" y1="${m.t + 20 + i * 20}" y2="${m.t + 20 + i * 20}" stroke="${color}" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${W - m.r + 46}" y="${m.t + 24 + i * 20}">delay median ${label(c.delay_median_min)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n");
}

export function label(min: number): string {
  return min < 60 ? `${min} min` : min < 1440 ? `${min / 60} h` : `${min / 1440} d`;
}
