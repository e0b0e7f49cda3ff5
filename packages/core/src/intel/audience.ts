import { type CountryCode, parsePhone } from "../phone";

/**
 * Normalisation rules (shared/reference/carriers.md §5.1 and §5.3, citing Google's upload-identifiers
 * page and Meta's customer-information-parameters page and business SDK):
 * - Google (Customer Match, enhanced conversions): email trimmed and lowercased, and for
 *   gmail.com / googlemail.com addresses the dots in the local part removed; "+tags" are kept
 *   (Google does not ask to strip them). Phone in E.164 with the "+": "+14155550123".
 * - Meta (Custom Audiences, Conversions API): email trimmed and lowercased only. Phone as digits
 *   only, country code first, no "+" and no leading zeros: "14155550123".
 * Both then take SHA-256 of the UTF-8 string as lowercase hex. Neither wants country, region or
 * postal code hashed for matching uploads (Google: not at all; Meta: separate fields).
 */
export type AdPlatform = "google" | "meta";

const GMAIL_DOMAINS: ReadonlySet<string> = new Set(["gmail.com", "googlemail.com"]);

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The address as the platform hashes it, or null if it is not an address at all. */
export function normalizeEmail(email: string, platform: AdPlatform): string | null {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1 || /\s/.test(address)) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (platform === "google" && GMAIL_DOMAINS.has(domain)) {
    return `${local.replaceAll(".", "")}@${domain}`;
  }
  return address;
}

/**
 * The number as the platform hashes it, or null if it is not a valid number. National formats
 * need `defaultCountry`; parsing is libphonenumber's strict validation (`parsePhone`).
 *
 * @example
 * normalizePhone("(415) 555-0123", "google", "US") // "+14155550123"
 * normalizePhone("+44 20 7946 0958", "meta")        // "442079460958"
 */
export function normalizePhone(
  phone: string,
  platform: AdPlatform,
  defaultCountry?: CountryCode,
): string | null {
  const parsed = parsePhone(phone, defaultCountry);
  if (!parsed.ok) return null;
  return platform === "google" ? parsed.e164 : parsed.e164.slice(1);
}

/** SHA-256 of the UTF-8 bytes as lowercase hex, with WebCrypto (Node, browsers, edge). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface AudienceMember {
  email?: string | null;
  phone?: string | null;
}

export interface HashedMember {
  /** SHA-256 hex of the normalised email, or null if missing or invalid. */
  email: string | null;
  phone: string | null;
}

/**
 * A customer's identifiers normalised and hashed for one platform's audience upload. A value
 * that is already a SHA-256 hex digest is passed through, as Meta's SDK does.
 */
export async function hashAudienceMember(
  member: AudienceMember,
  platform: AdPlatform,
  defaultCountry?: CountryCode,
): Promise<HashedMember> {
  const hash = async (raw: string | null | undefined, normalize: (v: string) => string | null) => {
    if (raw === null || raw === undefined) return null;
    const trimmed = raw.trim().toLowerCase();
    if (SHA256_HEX.test(trimmed)) return trimmed;
    const normalized = normalize(raw);
    return normalized === null ? null : sha256Hex(normalized);
  };
  return {
    email: await hash(member.email, (v) => normalizeEmail(v, platform)),
    phone: await hash(member.phone, (v) => normalizePhone(v, platform, defaultCountry)),
  };
}
