/** SHA-256 hex of an API key: keys are 160-bit random, so a fast unsalted hash is enough. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return Buffer.from(digest).toString("hex");
}
