import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stop-words";
import { CANONICAL_TOKENS, canonicaliseNames } from "./synonyms";
import { rewriteVariants } from "./word-variants";

/** Lower-cases, drops possessives and punctuation, rewrites typed variants to the sources' words
 * (word-variants.ts) and names to canonical tokens (synonyms.ts). A question is read several times
 * while it is answered, so recent results are kept. */
export function normaliseText(text: string): string {
  const known = recentlyNormalised.get(text);
  if (known !== undefined) return known;
  const spaced = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(SLACK_MARKUP, " ")
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const normalised = canonicaliseNames(rewriteVariants(spaced));
  if (recentlyNormalised.size >= RECENT_TEXTS) recentlyNormalised.clear();
  recentlyNormalised.set(text, normalised);
  return normalised;
}

/**
 * What Slack adds to a message that is not its words: emoji typed as codes (":pray:",
 * ":thumbsup::skin-tone-2:") and mentions ("<@U024BE7LH>", "@here", "cc @jo"). Left in, their
 * names would count as words the knowledge base does not know.
 */
const SLACK_MARKUP = /:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,}:|<[@#!][^>\s]*>|(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+/gu;

const RECENT_TEXTS = 1000;
const recentlyNormalised = new Map<string, string>();

export function tokenise(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === "" ? [] : normalised.split(" ");
}

/** Stop words vanish (also inflected: "telling" goes with "tell"), canonical tokens and numbers
 * pass unchanged, other words are Porter-stemmed after folding American -ize spellings into the
 * British -ise the sources use. */
export function processToken(token: string): string | null {
  if (isKeptAsIs(token)) return token;
  if (STOP_WORDS.has(token) || token.length < 2) return null;
  const stem = stemmer(token.replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1"));
  return STOP_WORDS.has(stem) ? null : stem;
}

/** Canonical names and numbers: indexed exactly as written, never stemmed or spell-corrected. */
export function isKeptAsIs(token: string): boolean {
  return CANONICAL_TOKENS.has(token) || /^\d+$/.test(token);
}

/** The terms a text contributes to the index or a query: tokenised, filtered and stemmed. */
export function analyse(text: string): string[] {
  return tokenise(text).flatMap((token) => processToken(token) ?? []);
}
