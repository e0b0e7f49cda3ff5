import { OTHER_COUNTRY, placeOf, relate, SAME_REGION, UNKNOWN } from "../pool/geo";
import type { PoolNumber } from "../pool/types";
import { distanceKm, type LatLon, regionCentroid } from "../region";
import type { RegionCode } from "../visit";

/** A number as the optimizer sees it. */
export interface NumberFacts {
  e164: string;
  kind: PoolNumber["kind"];
  /** Where the number's area code is; a country code for toll-free numbers. */
  region: RegionCode | null;
  /** Epoch ms when the number was bought. */
  createdAt: number;
  status: PoolNumber["status"];
}

/** Where a visitor is, as far as the geo lookup knows. */
export interface VisitorPlace {
  region: RegionCode | null;
  country: string | null;
  lat?: number;
  lon?: number;
}

export interface NumberCharacteristics {
  kind: PoolNumber["kind"];
  region: RegionCode | null;
  /** Number and visitor in the same state/province; null when either side is not known that finely. */
  inRegion: boolean | null;
  /** Null when either country is unknown. */
  sameCountry: boolean | null;
  /** Visitor's point (or region centre) to the centre of the number's region. */
  distanceKm: number | null;
  /** Bought within `newDays` of now: it has no history to judge it by yet. */
  isNew: boolean;
  quarantined: boolean;
}

/** The coarse classes the learner keeps a call rate for, per channel. */
export type Characteristic =
  | "toll_free"
  | "local:in_region"
  | "local:out_of_region"
  | "local:unknown_region";

export const CHARACTERISTICS: readonly Characteristic[] = [
  "toll_free",
  "local:in_region",
  "local:out_of_region",
  "local:unknown_region",
];

/** Default age under which a number counts as new. */
export const NEW_NUMBER_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * What a number looks like to one visitor. Without a visitor only the number's own facts are
 * filled in and the relational ones are null.
 *
 * @example
 * numberCharacteristics(
 *   { e164: "+13035550100", kind: "local", region: "US-CO", createdAt: 0, status: "active" },
 *   { region: "US-CO", country: "US" },
 *   Date.UTC(2026, 0, 1),
 * ) // { kind: "local", inRegion: true, sameCountry: true, distanceKm: 0, isNew: false, … }
 */
export function numberCharacteristics(
  number: NumberFacts,
  visitor: VisitorPlace | undefined,
  now: number,
  newDays: number = NEW_NUMBER_DAYS,
): NumberCharacteristics {
  const base = {
    kind: number.kind,
    region: number.region,
    isNew: now - number.createdAt < newDays * DAY_MS,
    quarantined: number.status === "quarantined",
  };
  if (visitor === undefined) {
    return { ...base, inRegion: null, sameCountry: null, distanceKm: null };
  }
  const place = placeOf(visitor.region, visitor.country);
  const relation = relate(number.region, null, place);
  const bothFine = place.subdivision !== null && hasSubdivision(number.region);
  return {
    ...base,
    inRegion: bothFine ? relation === SAME_REGION : null,
    sameCountry: relation === UNKNOWN ? null : relation !== OTHER_COUNTRY,
    distanceKm: distanceBetween(number, visitor),
  };
}

/**
 * The class a lease is learned under: "toll_free", or a local number in or out of the
 * visitor's region ("local:unknown_region" when the visitor's region is not known).
 */
export function characteristicKey(
  c: Pick<NumberCharacteristics, "kind" | "inRegion">,
): Characteristic {
  if (c.kind === "toll_free") return "toll_free";
  if (c.inRegion === null) return "local:unknown_region";
  return c.inRegion ? "local:in_region" : "local:out_of_region";
}

function hasSubdivision(region: RegionCode | null): boolean {
  return region !== null && region.indexOf("-") > 0;
}

function distanceBetween(number: NumberFacts, visitor: VisitorPlace): number | null {
  if (number.kind !== "local" || number.region === null) return null;
  const to = regionCentroid(number.region);
  const from: LatLon | null =
    visitor.lat !== undefined && visitor.lon !== undefined
      ? { lat: visitor.lat, lon: visitor.lon }
      : visitor.region === null
        ? null
        : regionCentroid(visitor.region);
  return to === null || from === null ? null : distanceKm(from, to);
}

/**
 * `characteristicKey` for the assignment hot path, without the distance and country work of
 * `numberCharacteristics`: a local number is in region when its state/province is the
 * visitor's, unknown when either side is not known that finely.
 *
 * @example leaseCharacteristic("local", "US-CO", "US-CO") // "local:in_region"
 */
export function leaseCharacteristic(
  kind: PoolNumber["kind"],
  numberRegion: RegionCode | null,
  visitorRegion: RegionCode | null,
): Characteristic {
  if (kind === "toll_free") return "toll_free";
  if (!hasSubdivision(numberRegion) || !hasSubdivision(visitorRegion)) {
    return "local:unknown_region";
  }
  return numberRegion === visitorRegion ? "local:in_region" : "local:out_of_region";
}
