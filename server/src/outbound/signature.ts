const encoder = new TextEncoder();

const SECRET_PREFIX = "whsec_";

/** A fresh signing secret in the Standard Webhooks form: `whsec_` + base64 of 24 random bytes. */
export function newSigningSecret(): string {
  return SECRET_PREFIX + Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64");
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/**
 * Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `{id}.{timestamp}.{body}` keyed by the secret's base64 bytes. Receivers verify with any
 * Standard Webhooks or Svix library, and the id lets them drop a retried delivery they already
 * processed.
 */
export async function signWebhook(
  secret: string,
  messageId: string,
  timestampS: number,
  body: string,
): Promise<SignedHeaders> {
  const raw = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = await crypto.subtle.importKey(
    "raw",
    new Uint8Array(Buffer.from(raw, "base64")),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign(
    "HMAC",
    key,
    encoder.encode(`${messageId}.${timestampS}.${body}`),
  );
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestampS),
    "webhook-signature": `v1,${Buffer.from(mac).toString("base64")}`,
  };
}
