/**
 * Withheld caller ids, lower-cased. Since 2023 Twilio puts the alpha string ("anonymous",
 * "RESTRICTED") in `From`; before that it spelled the word on a keypad
 * (ANONYMOUS → +266696687), and other carriers still send either form. The keypad forms are
 * all too short to be valid numbers in their country codes, so no real caller is lost.
 */
const WITHHELD = new Set([
  "",
  "anonymous",
  "restricted",
  "unknown",
  "unavailable",
  "private",
  "blocked",
  "withheld",
  "266696687", // ANONYMOUS
  "7378742833", // RESTRICTED
  "86282452253", // UNAVAILABLE
  "8656696", // UNKNOWN
  "7748283", // PRIVATE
  "2562533", // BLOCKED
]);

/** The literal every withheld caller is stored as. */
export const ANONYMOUS = "anonymous";

/**
 * Normalize a caller address from a webhook: withheld callers become `"anonymous"`, anything
 * else is returned trimmed (E.164 stays E.164; `client:`/`sip:` addresses pass through).
 *
 * @example normalizeCaller("+266696687") // "anonymous"
 */
export function normalizeCaller(value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  const key = trimmed.replace(/^\+/, "").toLowerCase();
  return WITHHELD.has(key) ? ANONYMOUS : trimmed;
}
