import { areaCodesByRegion } from "./states";

export interface TrackingNumber {
  e164: string;
  region: string;
}

/**
 * `size` local tracking numbers spread over regions by weight (largest remainder), cycling
 * through each region's area codes: +1 {area} 555 {1000 + k}. A share `1 − localShare` all
 * sit in one area (New York) instead, as a pool bought without regard to geography.
 */
export function trackingNumbers(
  size: number,
  weights: Readonly<Record<string, number>>,
  localShare = 1,
): TrackingNumber[] {
  const codes = areaCodesByRegion();
  const spread = Math.round(size * localShare);
  const entries = Object.entries(weights).filter(([r, w]) => w > 0 && codes.has(r));
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const quotas = entries.map(([r, w]) => ({
    r,
    exact: (spread * w) / total,
    n: Math.floor((spread * w) / total),
  }));
  let left = spread - quotas.reduce((s, q) => s + q.n, 0);
  for (const q of [...quotas].sort((a, b) => b.exact - b.n - (a.exact - a.n))) {
    if (left <= 0) break;
    q.n++;
    left--;
  }
  const perRegion: [string, number][] = quotas.map((q) => [q.r, q.n]);
  perRegion.push(["US-NY", size - spread]);
  const used = new Map<string, number>();
  const out: TrackingNumber[] = [];
  for (const [region, n] of perRegion) {
    const areas = codes.get(region) ?? [];
    for (let i = 0; i < n; i++) {
      const area = areas[i % areas.length] as string;
      const k = used.get(area) ?? 0;
      used.set(area, k + 1);
      out.push({ e164: `+1${area}555${String(1000 + k).padStart(4, "0")}`, region });
    }
  }
  return out;
}
