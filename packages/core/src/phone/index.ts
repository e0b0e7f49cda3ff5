export type { CountryCode } from "libphonenumber-js/max";
export { formatDisplay } from "./format";
export {
  isE164,
  type ParsedPhone,
  type PhoneParseError,
  type PhoneParseResult,
  type PhoneType,
  parsePhone,
} from "./parse";
export { phoneCity, phoneCountry, phoneRegion } from "./region";
