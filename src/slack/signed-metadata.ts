import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

/**
 * What a modal carries in private_metadata (or a button in its value), signed by the bot: Slack hands
 * it back with the submission, and nothing in it is trusted unless the bot's own signature checks out.
 *
 * Format: `m1.<43-character base64url HMAC-SHA256>.<JSON>`, the JSON kept as is (no base64) so the
 * 3,000-character private_metadata limit goes as far as it can.
 */
const PREFIX = "m1.";
const MAC_CHARS = 43;
/** Slack's limit on a view's private_metadata. */
export const MAX_PRIVATE_METADATA_CHARS = 3000;
/** Keys kept for checking: several bots in one process (tests, sandbox) each sign with their own. */
const KEPT_KEYS = 8;

/** Until a signing secret is given, a key that lives as long as the process. */
let keys: Buffer[] = [randomBytes(32)];

/** Metadata is signed with a key derived from the app's signing secret, so open modals outlive a restart. */
export function useMetadataSecret(signingSecret: string): void {
  const key = createHmac("sha256", signingSecret).update("localism-bot private_metadata v1").digest();
  keys = [key, ...keys.filter((kept) => !kept.equals(key))].slice(0, KEPT_KEYS);
}

function macOf(key: Buffer, json: string): Buffer {
  return createHmac("sha256", key).update(PREFIX).update(json).digest();
}

export function signMetadata(value: unknown): string {
  const json = JSON.stringify(value);
  const [key] = keys;
  if (!key) throw new Error("no metadata key");
  const signed = `${PREFIX}${macOf(key, json).toString("base64url")}.${json}`;
  if (signed.length > MAX_PRIVATE_METADATA_CHARS)
    throw new Error(`signed metadata is ${signed.length} characters, over Slack's ${MAX_PRIVATE_METADATA_CHARS}`);
  return signed;
}

/** The metadata if the bot signed it and it has the expected shape; null for anything else. */
export function readSignedMetadata<T extends z.ZodType>(
  schema: T,
  text: string | undefined | null,
): z.output<T> | null {
  if (!text?.startsWith(PREFIX)) return null;
  const macText = text.slice(PREFIX.length, PREFIX.length + MAC_CHARS);
  if (text.charAt(PREFIX.length + MAC_CHARS) !== ".") return null;
  const json = text.slice(PREFIX.length + MAC_CHARS + 1);
  const given = Buffer.from(macText, "base64url");
  if (given.length !== 32) return null;
  if (!keys.some((key) => timingSafeEqual(macOf(key, json), given))) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Said when a form's metadata fails the check: nothing is done with it. */
export const UNCHECKED_FORM_TEXT = "This form could not be checked; please close it and open it again.";
