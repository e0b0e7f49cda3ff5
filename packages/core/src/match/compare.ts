import { distanceKm, regionCentroid } from "../region";
import type { LevelOf, MatchLevels } from "./levels";
import type { CallForMatch, Candidate } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Upper bounds of the delay buckets, in the order of FEATURE_LEVELS.delay. */
const DELAY_BOUNDS: readonly [number, LevelOf<"delay">][] = [
  [2 * MINUTE, "lt_2m"],
  [10 * MINUTE, "lt_10m"],
  [HOUR, "lt_1h"],
  [6 * HOUR, "lt_6h"],
  [24 * HOUR, "lt_24h"],
  [72 * HOUR, "lt_72h"],
];

/**
 * A click stamped this long after the call still counts as before it: the beat carrying the
 * click can reach the server after the carrier's webhook for the call it started.
 */
const TEL_CLICK_SKEW_MS = 30_000;

/** Two regions whose centroids are closer than this are neighbours (e.g. NY and NJ). */
const NEAR_REGION_KM = 500;

/**
 * The agreement level of every feature for one call–candidate pair.
 *
 * @example comparisonVector(call, candidate) // { delay: "lt_2m", live: "live", ... }
 */
export function comparisonVector(call: CallForMatch, candidate: Candidate): MatchLevels {
  return {
    delay: delayLevel(call, candidate),
    live: candidate.leaseStart <= call.at && call.at <= candidate.leaseEnd ? "live" : "expired",
    tel_click: telClickLevel(call.at, candidate.telClicks),
    geo: geoLevel(call, candidate),
    device: deviceLevel(call, candidate),
    history: historyLevel(call, candidate),
  };
}

/**
 * Call time minus the candidate's last heartbeat, 0 when it was seen after the call: matching
 * reruns when the call ends, by which time the caller's own page may have beaten again, and a
 * session seen after the call that already held the number was on screen during it.
 */
export function delaySinceSeen(call: CallForMatch, candidate: Candidate): number {
  return Math.max(0, call.at - candidate.lastSeenAt);
}

function delayLevel(call: CallForMatch, candidate: Candidate): LevelOf<"delay"> {
  // A session that only took the number after the call cannot have shown it to the caller.
  if (candidate.leaseStart > call.at) return "stale";
  const delay = delaySinceSeen(call, candidate);
  for (const [bound, level] of DELAY_BOUNDS) if (delay < bound) return level;
  return "stale";
}

function telClickLevel(at: number, clicks: readonly number[]): LevelOf<"tel_click"> {
  let nearest = Number.POSITIVE_INFINITY;
  for (const clickAt of clicks) {
    const before = at - clickAt;
    if (before >= -TEL_CLICK_SKEW_MS && before < nearest) nearest = Math.max(0, before);
  }
  if (nearest <= 2 * MINUTE) return "lt_2m";
  if (nearest <= 30 * MINUTE) return "lt_30m";
  return "none";
}

function geoLevel(call: CallForMatch, candidate: Candidate): LevelOf<"geo"> {
  const callerLat = call.callerLat ?? null;
  const callerLon = call.callerLon ?? null;
  if (
    callerLat !== null &&
    callerLon !== null &&
    candidate.lat !== null &&
    candidate.lon !== null
  ) {
    const km = distanceKm(
      { lat: callerLat, lon: callerLon },
      { lat: candidate.lat, lon: candidate.lon },
    );
    if (km < 50) return "km_50";
    if (km < 250) return "km_250";
    if (km < 1000) return "km_1000";
    return "km_far";
  }
  const callerSub = subdivision(call.callerRegion);
  const sessionSub = subdivision(candidate.region);
  const callerCountry = countryOf(call.callerCountry, call.callerRegion);
  const sessionCountry = countryOf(candidate.country, candidate.region);
  if (callerSub !== null && sessionSub !== null) {
    if (callerSub === sessionSub) return "same_region";
    if (countryOf(null, callerSub) !== countryOf(null, sessionSub)) return "other_country";
    // Centroids only decide "neighbouring or not": they are too coarse for the km buckets.
    const a = regionCentroid(callerSub);
    const b = regionCentroid(sessionSub);
    if (a !== null && b !== null && distanceKm(a, b) < NEAR_REGION_KM) return "near_region";
    return "other_region";
  }
  if (callerCountry !== null && sessionCountry !== null) {
    return callerCountry === sessionCountry ? "country_only" : "other_country";
  }
  return "unknown";
}

/** "US-CA" -> "US-CA"; a bare country code ("GB") is no subdivision. */
function subdivision(region: string | null): string | null {
  return region?.includes("-") ? region.toUpperCase() : null;
}

function countryOf(country: string | null, region: string | null): string | null {
  if (country !== null) return country.toUpperCase();
  if (region === null) return null;
  return region.split("-")[0]?.toUpperCase() || null;
}

function deviceLevel(call: CallForMatch, candidate: Candidate): LevelOf<"device"> {
  if (call.lineType === null) return "unknown";
  // A tablet rarely places calls, so it counts with desktops.
  const sessionMobile = candidate.device === "mobile";
  if (call.lineType === "mobile") return sessionMobile ? "both_mobile" : "mobile_desktop";
  return sessionMobile ? "fixed_mobile" : "fixed_desktop";
}

function historyLevel(call: CallForMatch, candidate: Candidate): LevelOf<"history"> {
  const linked = call.callerHistory.visitorIds;
  if (linked.length === 0) return "no_history";
  return candidate.visitorId !== null && linked.includes(candidate.visitorId)
    ? "linked"
    : "not_linked";
}
