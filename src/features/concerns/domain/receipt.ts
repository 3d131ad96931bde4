import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Follow-up receipts for anonymous reporters: the code is shown once, only its keyed hash is
 * stored, and the reporter quotes the code to add information or ask for news.
 *
 * 31 symbols without 0/O, 1/I/L; 12 symbols give about 59 bits, far beyond guessing through a
 * rate-limited form. The hash is an HMAC with a server-side pepper, so a copy of the database
 * alone cannot be used to test guesses.
 */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;
const MIN_PEPPER_LENGTH = 32;
const HASH_CONTEXT = "localism-bot/receipt/v1:";

/** e.g. "K7QH-3MZP-XW9D", drawn with a cryptographically secure generator. */
export function generateReceiptCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]);
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(""),
  );
  return groups.join("-");
}

/**
 * Reads a code as typed by a person: case, spaces and dashes do not matter. Returns null when it
 * cannot be a receipt code.
 */
export function normaliseReceiptCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, "");
  if (compact.length !== CODE_LENGTH) return null;
  return [...compact].every((symbol) => RECEIPT_ALPHABET.includes(symbol)) ? compact : null;
}

/** A code as it is shown to people, "K7QH-3MZP-XW9D", however it was typed; null when it is not a receipt code. */
export function displayReceiptCode(input: string): string | null {
  const compact = normaliseReceiptCode(input);
  return compact ? (compact.match(/.{4}/g) ?? []).join("-") : null;
}

/** The value to store: hex HMAC-SHA256 of the normalised code under the server's pepper. */
export function hashReceiptCode(code: string, pepper: string): string {
  const normalised = normaliseReceiptCode(code);
  if (!normalised) throw new Error("Not a receipt code");
  return hmac(normalised, pepper);
}

/** Constant-time check of a typed code against a stored hash; false for anything malformed. */
export function verifyReceiptCode(code: string, storedHash: string, pepper: string): boolean {
  const normalised = normaliseReceiptCode(code);
  const expected = Buffer.from(storedHash, "hex");
  // Hash something even for a malformed code, so timing does not reveal which check failed.
  const actual = Buffer.from(hmac(normalised ?? "", pepper), "hex");
  const same = expected.length === actual.length && timingSafeEqual(expected, actual);
  return same && normalised !== null;
}

function hmac(normalised: string, pepper: string): string {
  if (pepper.length < MIN_PEPPER_LENGTH) {
    throw new Error(`The receipt pepper must be at least ${MIN_PEPPER_LENGTH} characters`);
  }
  return createHmac("sha256", pepper)
    .update(HASH_CONTEXT + normalised, "utf8")
    .digest("hex");
}
