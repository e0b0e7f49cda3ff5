/**
 * Imported WebCrypto keys, reused across webhooks: importing a key costs about as much as
 * the verification itself, and a busy account's secret is the same for every call. Bounded,
 * so a flood of bad keys cannot grow it.
 */
type ImportedKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const cache = new Map<string, Promise<ImportedKey>>();
const MAX_KEYS = 1_000;

export function cachedKey(id: string, load: () => Promise<ImportedKey>): Promise<ImportedKey> {
  let key = cache.get(id);
  if (!key) {
    if (cache.size >= MAX_KEYS) cache.clear();
    key = load();
    // A key that fails to import is not remembered: the next request reports it again.
    key.catch(() => cache.delete(id));
    cache.set(id, key);
  }
  return key;
}
