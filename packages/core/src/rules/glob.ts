const STAR = 42; // "*"

/**
 * Whole-string match of `text` against `pattern`, where `*` stands for any run of characters
 * (including "/" and the empty string). Case-insensitive.
 *
 * Hand-rolled instead of compiled to a RegExp so that a rule written by a user can never
 * inject regex syntax, and so that matching allocates nothing beyond the lower-casing.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  // Position of the last star seen and the text position it is currently absorbing up to;
  // on a mismatch we let that star swallow one more character and retry, which keeps the
  // worst case at O(|p|·|t|) with no recursion.
  let starPi = -1;
  let starTi = 0;
  while (ti < t.length) {
    if (pi < p.length && p.charCodeAt(pi) === STAR) {
      starPi = pi;
      starTi = ti;
      pi++;
    } else if (pi < p.length && p.charCodeAt(pi) === t.charCodeAt(ti)) {
      pi++;
      ti++;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      starTi++;
      ti = starTi;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === STAR) pi++;
  return pi === p.length;
}
