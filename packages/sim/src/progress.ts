/**
 * A one-line progress bar on stderr, redrawn in place (at most 10 times a second): percent,
 * rate and ETA. Silent when stderr is not a terminal, so logs and tests stay clean.
 */
export function progressBar(
  label: string,
  unit = "ev",
  stream: NodeJS.WriteStream = process.stderr,
) {
  const started = Date.now();
  let drawn = 0;
  const enabled = stream.isTTY === true;
  const fmt = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  return {
    update(done: number, total: number): void {
      const now = Date.now();
      if (!enabled || (now - drawn < 100 && done < total)) return;
      drawn = now;
      const frac = total === 0 ? 1 : done / total;
      const width = 30;
      const fill = Math.round(frac * width);
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? done / secs : 0;
      const eta = rate > 0 ? (total - done) / rate : 0;
      stream.write(
        `\r${label} [${"#".repeat(fill)}${"-".repeat(width - fill)}] ${(frac * 100).toFixed(0).padStart(3)}% ${rate.toFixed(0)} ${unit}/s ETA ${fmt(eta)}  `,
      );
    },
    done(): void {
      if (enabled) stream.write("\n");
    },
  };
}
