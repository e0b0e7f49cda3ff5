export type LogLevel = "error" | "info" | "debug";
const RANK = { silent: 0, error: 1, info: 2, debug: 3 } as const;

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON lines on stdout. Callers never pass raw caller numbers: use `maskPhone`, so logs
 * can be shipped anywhere without carrying personal data.
 */
export function createLogger(
  level: keyof typeof RANK = "info",
  write = (line: string) => console.log(line),
): Logger {
  const max = RANK[level];
  return {
    log(l, msg, fields) {
      if (RANK[l] > max) return;
      write(JSON.stringify({ t: new Date().toISOString(), level: l, msg, ...fields }));
    },
  };
}

/** "+14155550123" -> "+1415…23": enough to tell calls apart in a log, not to dial. */
export function maskPhone(e164: string | null | undefined): string | null {
  if (!e164) return null;
  if (!/^\+\d{8,15}$/.test(e164)) return "[redacted]";
  return `${e164.slice(0, 5)}…${e164.slice(-2)}`;
}
