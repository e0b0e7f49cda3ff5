import type { GeoPoint } from "../geo/reader";

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The visitor's local hour for time-of-day pool rules. The geo record's time zone when it has
 * one (MaxMind's files do); otherwise solar time from the longitude, which DB-IP lite gives
 * and which is within an hour of civil time almost everywhere people live.
 */
export function localHour(now: number, geo: GeoPoint | null): number | null {
  if (!geo) return null;
  if (geo.timeZone) {
    let f = formatters.get(geo.timeZone);
    if (!f) {
      try {
        f = new Intl.DateTimeFormat("en-US", {
          timeZone: geo.timeZone,
          hour: "numeric",
          hourCycle: "h23",
        });
      } catch {
        f = undefined;
      }
      if (f) formatters.set(geo.timeZone, f);
    }
    if (f) return Number(f.format(now)) % 24;
  }
  if (geo.lon === null) return null;
  const utcHour = new Date(now).getUTCHours() + new Date(now).getUTCMinutes() / 60;
  return Math.floor((((utcHour + geo.lon / 15) % 24) + 24) % 24);
}
