const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function randomPart(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Milliseconds since the epoch in 9 base32 characters, so ids sort by creation time. */
function timePart(ms: number): string {
  let out = "";
  let t = Math.floor(ms);
  for (let i = 0; i < 9; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
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
  | "job"
  | "req"
  | "flow"
  | "agt"
  | "shf"
  | "itx"
  | "cus"
  | "sex"
  | "tpl"
  | "cev"
  | "whe"
  | "msg"
  | "trc"
  | "inq"
  | "aud"
  | "grp";

/**
 * A prefixed id that tells what it is and sorts by creation time (like a ULID):
 * `ses_01jd8k2x4` + 11 random characters (55 bits). Time order matters for write speed:
 * new rows land on the last pages of each primary-key index, so a group commit of many
 * visits touches a few pages instead of one random page per row and index.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  return `${prefix}_${timePart(now)}${randomPart(11)}`;
}

/** A secret with a readable prefix: `pk_…` public site keys, `rt_…` API keys. All random. */
export function newSecret(prefix: "pk" | "rt", length = 32): string {
  return `${prefix}_${randomPart(length)}`;
}
