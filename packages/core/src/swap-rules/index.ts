import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** One target on the page and the number shown in its place. */
export interface SwapPair {
  target: string;
  number: string;
  display: string;
}

/**
 * Printed digits -> [digits to write instead, text for an element marked `data-rt-swap`]. The
 * digits to write are a string, one digit for each printed digit (and none for those a
 * shorter number lacks), or a list, one entry a printed digit, when the new number is longer.
 */
export type SwapMatch = Record<string, [string | string[], string]>;

/**
 * Subtrees the script never swaps in (a CSS selector): the site's opt-outs, form fields, code,
 * and structured data (`itemprop="telephone"`; JSON-LD is a script) that keeps the canonical
 * number for search engines. Sent with the rules rather than built into the script, where
 * every byte counts against its size budget.
 */
export const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";

/** Separators a page may print between two digits of a number: up to three of them. */
const SEPARATOR = "[\\s().+/\\0-]{0,3}";

function forms(e164: string): string[] {
  const p = parsePhoneNumberFromString(e164);
  const digits = e164.replace(/\D/g, "");
  if (!p) return [digits];
  const cc = String(p.countryCallingCode);
  const nsn = String(p.nationalNumber);
  // As a page may print it: national, with the trunk 0, international, international with (0).
  return [nsn, `0${nsn}`, `${cc}${nsn}`, `${cc}0${nsn}`];
}

/**
 * `to` as the script writes it over the `from` digits a page printed, digit by digit: the
 * string itself unless `to` is longer, then a list whose last entry carries the extra digits
 * (so the script needs no length arithmetic: it writes entry `k` over printed digit `k`).
 */
export function digitByDigit(from: string, to: string): string | string[] {
  if (to.length <= from.length) return to;
  const last = from.length - 1;
  return [...to.slice(0, last), to.slice(last)];
}

/**
 * What the browser script needs to swap numbers without knowing any numbering plan: every
 * way a page may print each target, as digits, mapped to the assigned number printed the same
 * way (so the page's format stays), and one regular expression that finds them with any
 * separators between the digits. `previous` are the swaps a cached page may still show (the
 * session's earlier numbers): they move to the new number, or back to the target.
 *
 * @example swapRules([{ target: "+18005550100", number: "+14155550123", display: "(415) 555-0123" }])
 *   // match["8005550100"] -> ["4155550123", "(415) 555-0123"], match["18005550100"] -> ["14155550123", …]
 */
export function swapRules(
  swaps: readonly SwapPair[],
  previous: readonly SwapPair[] = [],
): { match: SwapMatch; re: string; skip: string } {
  const match: SwapMatch = {};
  const add = (from: string, to: string, display: string) => {
    const a = forms(from);
    const b = forms(to);
    a.forEach((f, i) => {
      match[f] = [digitByDigit(f, b[i] ?? b[0]!), display];
    });
  };
  for (const old of previous) {
    const now = swaps.find((s) => s.target === old.target);
    if (old.number !== now?.number)
      add(old.number, now?.number ?? old.target, now?.display ?? old.display);
  }
  for (const s of swaps) add(s.target, s.number, s.display);
  const keys = Object.keys(match).sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  if (keys.length === 0) return { match, re: "(?!)", skip: SKIP };
  return {
    match,
    re: `(^|\\D)(${keys.map((k) => k.split("").join(SEPARATOR)).join("|")})(?!\\d)`,
    skip: SKIP,
  };
}
