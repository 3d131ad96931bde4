import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;

/**
 * AES-256-GCM for secrets at rest (the workspaces' tokens). Encrypts with the first key; decrypts
 * with whichever key wrote the value, so a new key can be put first while old values still read.
 * A value is "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url); the key id is a short hash of the
 * key, so the right key is tried first and a value written under a removed key is named as such.
 */
export class TokenCipher {
  private readonly keys: Array<{ id: string; key: Buffer }>;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error("TokenCipher needs at least one key");
    for (const key of keys) if (key.length !== 32) throw new Error("AES-256 keys are 32 bytes");
    this.keys = keys.map((key) => ({ id: keyId(key), key }));
  }

  encrypt(plaintext: string): string {
    const { id, key } = this.keys[0] as { id: string; key: Buffer };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(`${VERSION}.${id}`));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [VERSION, id, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === "string" ? part : b64(part)))
      .join(".");
  }

  decrypt(value: string): string {
    const [version, id, iv, tag, body] = value.split(".");
    if (version !== VERSION || !id || !iv || !tag || body === undefined) throw new Error("Not an encrypted value");
    const candidates = [...this.keys.filter((k) => k.id === id), ...this.keys.filter((k) => k.id !== id)];
    for (const { key } of candidates) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(`${version}.${id}`));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        // Try the next key.
      }
    }
    throw new Error(
      `Cannot decrypt a stored secret: none of the keys in TOKEN_ENCRYPTION_KEY (${this.keys.map((k) => k.id).join(", ")}) ` +
        `wrote it (it was written under key ${id}); put that key back in the list`,
    );
  }

  /** True when the value was written under a key other than the first (it is rewritten on its next save). */
  needsRewrap(value: string): boolean {
    return value.split(".")[1] !== this.keys[0]?.id;
  }
}

/** A short, non-secret name for a key: enough to tell keys apart in a message. */
function keyId(key: Buffer): string {
  return createHash("sha256").update("localism-token-key").update(key).digest("hex").slice(0, 8);
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64url");
}
