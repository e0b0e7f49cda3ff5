/** A rule for the page: digits to find, digits to write, text for `data-rt-swap` elements. */
export type Pair = [from: string, to: string, display: string];

/** Only the digits of `s`. */
export const digits = (s: string): string => s.replace(/\D/g, "");

/**
 * The digits that replace `run`, a number's digits as printed on the page, with the pair that
 * matched, or undefined. Numbers match by national significant number, with or without the
 * country code and a trunk 0: for +44 20 7946 0018 each of 442079460018, 4402079460018,
 * 02079460018 and 2079460018 matches, and the prefix the page printed is kept. E.164 does
 * not say how long a country code is, so every split of one to three digits is tried.
 *
 * @example match("8005550100", [["18005550100", "14155550123", ""]])?.[0] // "4155550123"
 */
export function match(run: string, pairs: Pair[]): [string, Pair] | undefined {
  for (const p of pairs) {
    for (let c = 1; c < 4; c++) {
      const [from, to] = p;
      const cc = from.slice(0, c);
      const nsn = from.slice(c);
      const prefix = run.slice(0, run.length - nsn.length);
      if (nsn.length > 5 && run.endsWith(nsn) && ["", "0", cc, `${cc}0`].includes(prefix)) {
        // A prefix above "0" starts with the country code, which the new number brings its own of.
        return [(prefix > "0" ? to.slice(0, c) + prefix.slice(c) : prefix) + to.slice(c), p];
      }
    }
  }
}
