import type { RegionCode } from "../visit";

/**
 * How two places relate, from most to least alike. `COUNTRY_ONLY` is the same country where
 * at least one side is known only to country level, so it may or may not be the same region.
 */
export const SAME_REGION = 0;
export const SAME_COUNTRY = 1;
export const COUNTRY_ONLY = 2;
export const OTHER_COUNTRY = 3;
export const UNKNOWN = 4;
export type GeoRelation =
  | typeof SAME_REGION
  | typeof SAME_COUNTRY
  | typeof COUNTRY_ONLY
  | typeof OTHER_COUNTRY
  | typeof UNKNOWN;

/** A place resolved once per visit, so comparing it to thousands of numbers allocates nothing. */
export interface Place {
  /** An ISO 3166-2 subdivision ("US-CA"), or null if only the country (or nothing) is known. */
  subdivision: string | null;
  country: string | null;
}

export function placeOf(region: RegionCode | null, country: string | null): Place {
  const dash = region === null ? -1 : region.indexOf("-");
  return {
    subdivision: dash > 0 ? region : null,
    country: country ?? (region === null ? null : dash > 0 ? region.slice(0, dash) : region),
  };
}

/**
 * How `region`/`country` (a number's or a holder's) relates to `place`. `country` may be
 * null, in which case it is read from the region's ISO 3166-2 prefix.
 */
export function relate(
  region: RegionCode | null,
  country: string | null,
  place: Place,
): GeoRelation {
  if (place.country === null) return UNKNOWN;
  const dash = region === null ? -1 : region.indexOf("-");
  const same = sameCountry(region, dash, country, place.country);
  if (same === null) return UNKNOWN;
  if (!same) return OTHER_COUNTRY;
  if (dash <= 0 || place.subdivision === null) return COUNTRY_ONLY;
  return region === place.subdivision ? SAME_REGION : SAME_COUNTRY;
}

// Compares the region's prefix in place instead of slicing it out: this runs for every
// number on every visit.
function sameCountry(
  region: string | null,
  dash: number,
  country: string | null,
  target: string,
): boolean | null {
  if (country !== null) return country === target;
  if (region === null) return null;
  if (dash > 0) return dash === target.length && region.startsWith(target);
  return region === target;
}
