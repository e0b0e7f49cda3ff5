import {
  type CountryCode,
  type NumberType,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from "libphonenumber-js/max";

/**
 * What a number is for, as far as routing and reporting care. NANP numbers are "local"
 * whether they ring a landline or a mobile: the plan does not tell them apart.
 */
export type PhoneType = "toll_free" | "local" | "mobile" | "other";

export interface ParsedPhone {
  ok: true;
  /** "+14155550123" */
  e164: string;
  /** ISO 3166-1 alpha-2; null for non-geographic codes such as +800. */
  country: CountryCode | null;
  /** "(415) 555-0123" */
  nationalFormat: string;
  /** "+1 415 555 0123" */
  internationalFormat: string;
  type: PhoneType;
}

export interface PhoneParseError {
  ok: false;
  code: "invalid_phone_number";
  message: string;
}

export type PhoneParseResult = ParsedPhone | PhoneParseError;

/** Digits and the separators people type; a "+" only in front. Rejects letters and text. */
const PHONE_CHARS = /^\+?[\d\s().\-\u2010-\u2015]+$/;

const E164 = /^\+[1-9]\d{1,14}$/;

const TYPES: Partial<Record<NumberType & string, PhoneType>> = {
  TOLL_FREE: "toll_free",
  FIXED_LINE: "local",
  FIXED_LINE_OR_MOBILE: "local",
  MOBILE: "mobile",
};

const PARSE_ERRORS: Readonly<Record<string, string>> = {
  INVALID_COUNTRY: "no country: start with + and the country code, or give a default country",
  NOT_A_NUMBER: "not a phone number",
  TOO_SHORT: "too short to be a phone number",
  TOO_LONG: "too long to be a phone number",
  INVALID_LENGTH: "wrong number of digits",
};

function fail(message: string): PhoneParseError {
  return { ok: false, code: "invalid_phone_number", message };
}

/**
 * Parse a phone number as a person or a carrier wrote it, strictly: the number must be valid
 * for its country under libphonenumber's full metadata, not merely of a plausible length.
 *
 * @example
 * parsePhone("(415) 555-0123", "US") // { ok: true, e164: "+14155550123", type: "local", … }
 * parsePhone("1-800-555-0199", "US") // { ok: true, e164: "+18005550199", type: "toll_free", … }
 * parsePhone("555-0123", "US")       // { ok: false, code: "invalid_phone_number", … }
 */
export function parsePhone(input: string, defaultCountry?: CountryCode): PhoneParseResult {
  const text = input.trim();
  if (!PHONE_CHARS.test(text)) {
    return fail("only digits, spaces, dashes, dots, parentheses and a leading + are allowed");
  }
  try {
    const number = parsePhoneNumberWithError(text, defaultCountry);
    if (!number.isValid()) {
      const length = validatePhoneNumberLength(text, defaultCountry);
      const reason = length && PARSE_ERRORS[length];
      return fail(reason ?? `not a valid number for ${number.country ?? "its country code"}`);
    }
    const type = number.getType();
    return {
      ok: true,
      e164: number.number,
      country: number.country ?? null,
      nationalFormat: number.formatNational(),
      internationalFormat: number.formatInternational(),
      type: (type && TYPES[type]) ?? "other",
    };
  } catch (error) {
    if (error instanceof ParseError)
      return fail(PARSE_ERRORS[error.message] ?? "not a phone number");
    throw error;
  }
}

/**
 * True when `s` has E.164 shape: "+", a non-zero digit, at most 15 digits in all. Says
 * nothing about whether the number exists; `parsePhone` does.
 */
export function isE164(s: string): boolean {
  return E164.test(s);
}
