const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** WebCrypto's key type, named without the DOM lib. */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/**
 * AES-256-GCM through WebCrypto (so it runs on edge runtimes too). A sealed blob is the
 * 12-byte random IV followed by ciphertext and tag. The associated data binds a blob to its
 * row ("acct_…:twilio"): a blob copied into another account's row does not open.
 */
export class SecretBox {
  private readonly key: Promise<AesKey>;

  /**
   * @param raw exactly 32 bytes
   * @param version stored beside each blob, so a rotated key can tell which key sealed it
   */
  constructor(
    raw: Uint8Array,
    readonly version = 1,
  ) {
    if (raw.byteLength !== 32) throw new Error("a secrets key is 32 bytes");
    // Imported lazily so that building an app stays synchronous.
    this.key = crypto.subtle.importKey("raw", new Uint8Array(raw), "AES-GCM", false, [
      "encrypt",
      "decrypt",
    ]);
  }

  /** A box over a fresh random key: the default for tests, where nothing outlives the process. */
  static random(): SecretBox {
    return new SecretBox(crypto.getRandomValues(new Uint8Array(32)));
  }

  async seal(plaintext: string, associatedData: string): Promise<Uint8Array> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: encoder.encode(associatedData) },
      await this.key,
      encoder.encode(plaintext),
    );
    const out = new Uint8Array(IV_BYTES + sealed.byteLength);
    out.set(iv);
    out.set(new Uint8Array(sealed), IV_BYTES);
    return out;
  }

  /** Throws when the blob was sealed under another key or for another row, or was altered. */
  async open(blob: Uint8Array, associatedData: string, version = this.version): Promise<string> {
    if (version !== this.version) throw new Error(`sealed with key version ${version}`);
    const plain = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: blob.subarray(0, IV_BYTES),
        additionalData: encoder.encode(associatedData),
      },
      await this.key,
      blob.subarray(IV_BYTES),
    );
    return decoder.decode(plain);
  }
}
