/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only (edge runtimes have no tz data
 * files). A "wall" time is a millisecond count whose UTC fields are the local fields.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall time of an instant in `timeZone`. */
export function toWall(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return (
    Date.UTC(year, month - 1, day, hour % 24, minute, second) +
    (((instant.getTime() % 1000) + 1000) % 1000)
  );
}

/**
 * The instant a wall time names in `timeZone`. Like Temporal's "compatible" disambiguation, a
 * time skipped by a spring-forward gap moves later by the gap, and a time repeated by a
 * fall-back takes its first (daylight) occurrence.
 */
export function fromWall(wall: number, timeZone: string): Date {
  const day = 86_400_000;
  const before = toWall(new Date(wall - day), timeZone) - (wall - day);
  const after = toWall(new Date(wall + day), timeZone) - (wall + day);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (toWall(new Date(candidate), timeZone) === wall) return new Date(candidate);
  }
  return new Date(wall - before);
}
