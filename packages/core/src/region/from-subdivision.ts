import type { RegionCode } from "../visit";
import { CA_PROVINCES, US_STATES, US_TERRITORIES } from "./subdivisions";

/**
 * Spellings seen in geo-IP databases and libphonenumber's geocoding data that are not the
 * ISO name. Keys are normalised (see `normalise`).
 */
const ALIASES: Readonly<Record<string, RegionCode>> = {
  "washington dc": "US-DC",
  "washington d c": "US-DC",
  "washington state": "US-WA",
  "virgin islands": "US-VI",
  "us virgin islands": "US-VI",
  "united states virgin islands": "US-VI",
  "virgin islands u s": "US-VI",
  "northern mariana": "US-MP",
  newfoundland: "CA-NL",
  labrador: "CA-NL",
  pei: "CA-PE",
  "yukon territory": "CA-YT",
  nwt: "CA-NT",
};

/** Territories that geo-IP and libphonenumber report as countries of their own. */
const TERRITORY_COUNTRIES: ReadonlySet<string> = new Set(
  Object.keys(US_TERRITORIES).map((code) => code.slice(3)),
);

const BY_COUNTRY: Readonly<Record<string, ReadonlyMap<string, RegionCode>>> = {
  US: indexByName({ ...US_STATES, ...US_TERRITORIES }),
  CA: indexByName(CA_PROVINCES),
};

function indexByName(table: Readonly<Record<string, string>>): ReadonlyMap<string, RegionCode> {
  const country = Object.keys(table)[0]?.slice(0, 2) ?? "";
  const index = new Map<string, RegionCode>();
  for (const [code, name] of Object.entries(table)) {
    index.set(normalise(name), code);
    index.set(code.slice(3).toLowerCase(), code);
    index.set(normalise(code), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    if (code.startsWith(`${country}-`)) index.set(alias, code);
  }
  return index;
}

/** Lower-case, strip accents ("Québec") and punctuation ("Washington, D.C."). */
function normalise(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Turn a country and a subdivision name or code, as a geo-IP record gives them, into a
 * RegionCode.
 *
 * @example
 * regionFromSubdivision("US", "California") // "US-CA"
 * regionFromSubdivision("us", "CA")         // "US-CA"
 * regionFromSubdivision("CA", "Québec")     // "CA-QC"
 * regionFromSubdivision("PR", "")           // "US-PR"
 * regionFromSubdivision("US", "Atlantis")   // "US"  (country when the subdivision is unknown)
 * regionFromSubdivision("GB", "England")    // "GB"  (no subdivision table for GB)
 * regionFromSubdivision("", "California")   // null
 */
export function regionFromSubdivision(country: string, name: string): RegionCode | null {
  const cc = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) return null;
  if (TERRITORY_COUNTRIES.has(cc)) return `US-${cc}`;
  const index = BY_COUNTRY[cc];
  if (index === undefined) return cc;
  return index.get(normalise(name)) ?? cc;
}
