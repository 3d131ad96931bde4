import { stemmer } from "stemmer";

/** Terms per strategic objective and for CCG autonomy; loaded from the knowledge base elsewhere. */
export interface TaggingVocabulary {
  objectives: { number: number; terms: string[] }[];
  autonomyTerms: string[];
}

export interface ItemTags {
  /** Objectives whose score reaches TAG_THRESHOLD, highest score first. */
  objectives: { objective: number; score: number }[];
  /** Present when autonomy terms reach TAG_THRESHOLD. */
  autonomy: { score: number } | null;
}

/**
 * Scoring: each distinct vocabulary term found in the item adds a weight (1 for a single word,
 * 1.5 for a phrase, as phrases are more specific); score = 1 - 0.5^weight, so one word gives 0.5,
 * a phrase 0.65, two words 0.75, and more matches approach 1. An objective (or autonomy) is tagged
 * when its score is at least TAG_THRESHOLD, i.e. when at least one of its terms occurs.
 * Words are compared after stemming (Porter, via `stemmer`), with British "-ise/-isation" spellings
 * folded to "-ize" and small function words ignored, so "transferring power to" matches
 * "transfer of power" and "CCGs" matches "CCG".
 */
export const TAG_THRESHOLD = 0.5;

const PHRASE_WEIGHT = 1.5;
const STOPWORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "and",
  "or",
  "for",
  "in",
  "on",
  "over",
  "with",
  "by",
  "at",
  "from",
  "its",
  "their",
  "is",
  "are",
  "be",
  "been",
  "was",
  "were",
  "as",
  "that",
  "this",
  "it",
]);

interface CompiledTerm {
  stems: string[];
  weight: number;
}
interface CompiledVocabulary {
  objectives: { number: number; terms: CompiledTerm[] }[];
  autonomy: CompiledTerm[];
}

const compiledCache = new WeakMap<TaggingVocabulary, CompiledVocabulary>();

/** Scores one minutes item against each objective and against the autonomy terms. */
export function tagItem(text: string, vocabulary: TaggingVocabulary): ItemTags {
  const compiled = compile(vocabulary);
  const stems = stemTokens(text);
  const objectives = compiled.objectives
    .map((objective) => ({ objective: objective.number, score: score(stems, objective.terms) }))
    .filter((tag) => tag.score >= TAG_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.objective - b.objective);
  const autonomyScore = score(stems, compiled.autonomy);
  return { objectives, autonomy: autonomyScore >= TAG_THRESHOLD ? { score: autonomyScore } : null };
}

/** Lower-cased, stemmed content words of `text`, in order. */
export function stemTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bwell-being\b/g, "wellbeing")
    .split(/[^a-z0-9']+/)
    .map((token) => token.replace(/^'+|'+$/g, "").replace(/'s$/, ""))
    .filter((token) => token && !STOPWORDS.has(token))
    .map((token) => stemmer(americanise(token)));
}

function americanise(token: string): string {
  return token.replace(/is(ation|ations|e|es|ed|ing|er|ers)$/, "iz$1");
}

function score(stems: string[], terms: CompiledTerm[]): number {
  const weight = terms.reduce((sum, term) => (containsSequence(stems, term.stems) ? sum + term.weight : sum), 0);
  return Math.round((1 - 0.5 ** weight) * 1000) / 1000;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((stem, offset) => haystack[start + offset] === stem)) return true;
  }
  return false;
}

function compile(vocabulary: TaggingVocabulary): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  const compileTerms = (terms: string[]): CompiledTerm[] => {
    const seen = new Set<string>();
    return terms
      .map((term) => stemTokens(term))
      .filter((stems) => stems.length > 0 && !seen.has(stems.join(" ")) && seen.add(stems.join(" ")))
      .map((stems) => ({ stems, weight: stems.length > 1 ? PHRASE_WEIGHT : 1 }));
  };
  const compiled = {
    objectives: vocabulary.objectives.map((o) => ({ number: o.number, terms: compileTerms(o.terms) })),
    autonomy: compileTerms(vocabulary.autonomyTerms),
  };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

export { defaultTaggingVocabulary } from "./vocabulary";
