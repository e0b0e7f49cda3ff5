import {
  type CountryCode,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
import type { RegionCode } from "../visit";
import { NANP_CITIES, NANP_REGIONS } from "./nanp-areas.generated";
import { isE164 } from "./parse";

/** NANP toll-free area codes: shared by the whole plan, so they place nobody. */
const NANP_TOLL_FREE: ReadonlySet<string> = new Set([
  "800",
  "833",
  "844",
  "855",
  "866",
  "877",
  "888",
]);

/** Types that belong to a place; the rest (toll-free, premium, personal, VoIP) do not. */
const GEOGRAPHIC_TYPES: ReadonlySet<string> = new Set([
  "FIXED_LINE",
  "FIXED_LINE_OR_MOBILE",
  "MOBILE",
]);

function parseE164(e164: string): PhoneNumber | undefined {
  return isE164(e164) ? parsePhoneNumberFromString(e164) : undefined;
}

/** Longest NANP_REGIONS key that prefixes the national number. */
function nanpRegion(national: string): RegionCode | null {
  for (let length = Math.min(6, national.length); length >= 3; length--) {
    const region = NANP_REGIONS[national.slice(0, length)];
    if (region !== undefined) return region;
  }
  return null;
}

/**
 * Where a number's owner is, as far as the number tells: for NANP numbers the state or
 * province of the area code ("+14155550123" -> "US-CA", "+14165550199" -> "CA-ON",
 * "+17875550123" -> "US-PR"); elsewhere the country ("+442079460958" -> "GB"). Toll-free and
 * other non-geographic numbers give null, and so does anything that is not E.164.
 */
export function phoneRegion(e164: string): RegionCode | null {
  const number = parseE164(e164);
  if (number === undefined) return null;
  const type = number.getType();
  if (type === "TOLL_FREE") return null;
  if (number.countryCallingCode === "1") {
    if (NANP_TOLL_FREE.has(number.nationalNumber.slice(0, 3))) return null;
    const region = nanpRegion(number.nationalNumber);
    if (region !== null) return region;
    // An area code newer than the geocoding data still tells the country, if it is a place.
    if (type === undefined || !GEOGRAPHIC_TYPES.has(type)) return null;
  }
  return number.country ?? null;
}

/**
 * The ISO 3166-1 country of a number: "+14155550123" -> "US", "+18005550199" -> "US" (the
 * plan's toll-free numbers are filed under the US), "+17875550123" -> "PR". Null when the
 * calling code is shared and the number fits none of its countries, or for non-E.164 input.
 */
export function phoneCountry(e164: string): CountryCode | null {
  return parseE164(e164)?.country ?? null;
}

/**
 * The main place of a NANP number's area code when one dominates it: "+14155550123" ->
 * "San Francisco". A hint for display and reports, not a location: most area codes span many
 * towns and many have no entry at all.
 */
export function phoneCity(e164: string): string | null {
  const number = parseE164(e164);
  if (number?.countryCallingCode !== "1") return null;
  const area = number.nationalNumber.slice(0, 3);
  // An exchange filed under another region (a PEI number in 902) is not in the area's city.
  if (nanpRegion(number.nationalNumber) !== NANP_REGIONS[area]) return null;
  return NANP_CITIES[area] ?? null;
}
