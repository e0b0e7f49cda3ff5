import { parsePhone, phoneRegion } from "../phone";
import { distanceKm, regionCentroid } from "../region";

export interface EventArea {
  /** ISO 3166-1 alpha-2: "US", "GB". */
  countries?: readonly string[];
  /** ISO 3166-2 as Ringtrail writes regions: "US-TX", "CA-ON". */
  regions?: readonly string[];
  /** Exact codes ("94110", "SW1A 1AA"), or prefixes ending in "*" ("941*", "SW1A*"). */
  postal_codes?: readonly string[];
  /** NANP area codes: "415". */
  area_codes?: readonly string[];
  radius?: { lat: number; lon: number; km: number };
}

export type AttributeValue = string | number | boolean;

export interface TargetEvent {
  area: EventArea;
  /** Every filter must equal the customer's attribute of that name. */
  filters?: Readonly<Record<string, AttributeValue>>;
}

export interface TargetCustomer {
  id: string;
  /** E.164 preferably; other formats are parsed without a default country. */
  phone?: string | null;
  region?: string | null;
  country?: string | null;
  postal?: string | null;
  lat?: number | null;
  lon?: number | null;
  attributes?: Readonly<Record<string, AttributeValue | null>>;
}

export type MatchReason =
  | `country:${string}`
  | `region:${string}`
  | `postal:${string}`
  | `area_code:${string}`
  | "radius"
  | "radius_region_centroid";

export interface TargetMatch {
  id: string;
  /** Every area criterion the customer met, in the order country, region, postal, area code, radius. */
  reasons: MatchReason[];
}

export interface TargetOptions {
  /**
   * For a radius, place customers without coordinates at their region's centroid. Off by
   * default: a state centroid is hundreds of km from most of the state's people.
   */
  regionCentroidFallback?: boolean;
}

function e164Of(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.e164 : null;
}

const normalizePostal = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

/** US ZIP+4 compares as its five-digit ZIP. */
function customerPostal(postal: string | null | undefined): string | null {
  if (postal === null || postal === undefined || postal.trim() === "") return null;
  const normal = normalizePostal(postal);
  return /^\d{9}$/.test(normal) ? normal.slice(0, 5) : normal;
}

function postalMatches(pattern: string, postal: string): boolean {
  const normal = normalizePostal(pattern);
  return normal.endsWith("*") ? postal.startsWith(normal.slice(0, -1)) : postal === normal;
}

/**
 * The customers an event affects: those inside any of the area's criteria (a union) and
 * matching every attribute filter. What is known about a customer is used in this order: the
 * stored region/country, else the phone's (`phoneRegion`: area code for NANP, country
 * elsewhere, nothing for toll-free); the area code from a +1 phone; coordinates for the radius (`distanceKm`).
 * Returns the matches in the customers' order.
 *
 * @example
 * affectedCustomers({ area: { area_codes: ["415"] } }, [{ id: "c1", phone: "+14155550123" }])
 * // [{ id: "c1", reasons: ["area_code:415"] }]
 */
export function affectedCustomers(
  event: TargetEvent,
  customers: readonly TargetCustomer[],
  options: TargetOptions = {},
): TargetMatch[] {
  const { area, filters = {} } = event;
  const countries = new Set((area.countries ?? []).map((c) => c.toUpperCase()));
  const regions = new Set((area.regions ?? []).map((r) => r.toUpperCase()));
  const areaCodes = new Set(area.area_codes ?? []);
  const postals = area.postal_codes ?? [];
  if (
    countries.size + regions.size + areaCodes.size + postals.length === 0 &&
    area.radius === undefined
  ) {
    throw new RangeError(
      "event area needs countries, regions, postal codes, area codes or a radius",
    );
  }
  const matches: TargetMatch[] = [];
  for (const customer of customers) {
    const passes = Object.entries(filters).every(
      ([key, value]) =>
        customer.attributes !== undefined &&
        Object.hasOwn(customer.attributes, key) &&
        customer.attributes[key] === value,
    );
    if (!passes) continue;
    const e164 = e164Of(customer.phone);
    const region = customer.region?.toUpperCase() ?? (e164 ? phoneRegion(e164) : null);
    // phoneRegion gives the country outside NANP and nothing for toll-free numbers, which
    // belong to no place (phoneCountry would call every +1 800 number "US").
    const country = customer.country?.toUpperCase() ?? (region ? region.slice(0, 2) : null);
    const reasons: MatchReason[] = [];
    if (country !== null && countries.has(country)) reasons.push(`country:${country}`);
    if (region !== null && regions.has(region)) reasons.push(`region:${region}`);
    const postal = customerPostal(customer.postal);
    const postalHit = postal === null ? undefined : postals.find((p) => postalMatches(p, postal));
    if (postalHit !== undefined) reasons.push(`postal:${postalHit}`);
    if (e164?.startsWith("+1") && areaCodes.has(e164.slice(2, 5))) {
      reasons.push(`area_code:${e164.slice(2, 5)}`);
    }
    if (area.radius !== undefined) {
      const { km, ...centre } = area.radius;
      const hasPoint = typeof customer.lat === "number" && typeof customer.lon === "number";
      if (hasPoint) {
        const point = { lat: customer.lat as number, lon: customer.lon as number };
        if (distanceKm(centre, point) <= km) reasons.push("radius");
      } else if (options.regionCentroidFallback && region !== null) {
        const point = regionCentroid(region);
        if (point !== null && distanceKm(centre, point) <= km) {
          reasons.push("radius_region_centroid");
        }
      }
    }
    if (reasons.length > 0) matches.push({ id: customer.id, reasons });
  }
  return matches;
}
