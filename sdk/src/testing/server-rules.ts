// What the server adds to a `POST /v1/visits` response for the script: `match` and `re`.
// A reference for the server's implementation, used by the tests to build responses.
import { digitByDigit } from "@ringtrail/core/swap-rules";
import type { Swap } from "../types";

const SEP = "[\\s().+/\\0-]{0,3}";
/** The server's selector of subtrees never swapped (core's SKIP). */
const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";

/**
 * `skip`: the selector of subtrees left alone. `match`: every way the page may print a target (with or without country code and trunk 0;
 * the server knows the country code, this reference tries every split of one to three
 * digits), mapped to the assigned number printed the same way and its display text; and the
 * same for a number `previous` put on the page (the session's earlier assignment), mapped to
 * the new number, or back to the target. `re`: the RegExp source that finds those keys.
 */
export function serverRules(swaps: Swap[], previous: Swap[] = []) {
  const match: Record<string, [string | string[], string?]> = {};
  const add = (from: string, to: string, display?: string) => {
    const f = from.replace(/\D/g, "");
    const t = to.replace(/\D/g, "");
    const put = (k: string, v: string) => {
      match[k] = [digitByDigit(k, v), display];
    };
    for (let c = 1; c < 4; c++)
      if (f.length - c > 5)
        for (const p of ["", "0"]) {
          put(p + f.slice(c), p + t.slice(c));
          put(f.slice(0, c) + p + f.slice(c), t.slice(0, c) + p + t.slice(c));
        }
  };
  for (const o of previous) {
    const n = swaps.find((s) => s.target === o.target);
    add(o.number, n ? n.number : o.target, n && n.display);
  }
  for (const s of swaps) add(s.target, s.number, s.display);
  const keys = Object.keys(match).sort((a, b) => b.length - a.length);
  return {
    match,
    re: `(^|\\D)(${keys.map((k) => k.split("").join(SEP)).join("|")})(?!\\d)`,
    skip: SKIP,
  };
}

/** A `POST /v1/visits` response with `match` and `re` for `swaps`. */
export const withRules = <T extends { swaps: Swap[] }>(body: T, previous?: Swap[]) => ({
  ...body,
  ...serverRules(body.swaps, previous),
});
