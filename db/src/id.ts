const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Random part of an id: 16 base32 characters, 80 bits. */
function randomPart(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export type IdPrefix =
  | "acct"
  | "key"
  | "site"
  | "pool"
  | "num"
  | "vis"
  | "ses"
  | "lse"
  | "evt"
  | "call"
  | "req";

/** A prefixed id that tells what it is: `site_3k9…`. */
export function newId(prefix: IdPrefix, length = 16): string {
  return `${prefix}_${randomPart(length)}`;
}

/** A secret with a readable prefix: `pk_…` public site keys, `rt_…` API keys. */
export function newSecret(prefix: "pk" | "rt", length = 32): string {
  return `${prefix}_${randomPart(length)}`;
}
