import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * The number as its own country writes it, for showing on a page: "+14155550123" ->
 * "(415) 555-0123", "+442079460958" -> "020 7946 0958". Input that does not parse comes back
 * unchanged, because a page showing a raw number beats a page that failed to render.
 */
export function formatDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}
