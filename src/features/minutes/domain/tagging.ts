/** Terms per strategic objective and for CCG autonomy; the knowledge base adds its own (kb-vocabulary.ts). */
export interface TaggingVocabulary {
  objectives: { number: number; terms: string[]; weakTerms?: string[] }[];
  autonomyTerms: string[];
}

export interface ItemTags {
  /** Objectives whose score reaches TAG_THRESHOLD, highest score first. */
  objectives: { objective: number; score: number }[];
  /** Present when autonomy terms reach TAG_THRESHOLD. */
  autonomy: { score: number } | null;
}

/**
 * Scoring: each distinct term found in the item adds a weight (1 for a word, 1.5 for a phrase, as
 * phrases are more specific; 0.4 for a weak term such as "budget"); a term found only
 * inside another term's match ("financial" in "financial plans") adds nothing. Score =
 * 1 - 0.5^weight, so one word gives 0.5, a phrase 0.65, two words 0.75, and more matches approach
 * 1. An objective (or autonomy) is tagged when its score is at least TAG_THRESHOLD: one specific
 * term, or three weak ones. An item may have no objective. An item about CCG autonomy is about
 * objective 1 too.
 * Terms are matched as written, on word boundaries, without stemming (vocabulary.ts says how a
 * term is written), so "Authority" never counts as "authorisation" nor "provided" as "providers".
 */
export const TAG_THRESHOLD = 0.5;
/** A score only two cues reach (two words, a word and a phrase...), not one phrase (0.65) alone. */
export const SECOND_CUE_SCORE = 0.7;

const PHRASE_WEIGHT = 1.5;
/** The weight of a weak term, word or phrase. */
const WEAK_WEIGHT = 0.4;
const AUTONOMY_OBJECTIVE = 1;

interface CompiledTerm {
  /** Global, so one pattern finds each match in turn; its lastIndex is reset before each search. */
  pattern: RegExp;
  weight: number;
}
interface CompiledVocabulary {
  objectives: { number: number; terms: CompiledTerm[] }[];
  autonomy: CompiledTerm[];
}

const compiledCache = new WeakMap<TaggingVocabulary, CompiledVocabulary>();

/**
 * Scores one minutes item against each objective and against the autonomy terms. `threshold`
 * lowers the score an objective needs, to ask which objectives a heading so much as mentions.
 */
export function tagItem(text: string, vocabulary: TaggingVocabulary, threshold = TAG_THRESHOLD): ItemTags {
  const compiled = compile(vocabulary);
  const normalised = normaliseText(text);
  const autonomyScore = score(
    normalised,
    compiled.autonomy,
    [],
    (span) => namesCcgFirst(normalised, span.start) || !saidOfTheCcgItself(normalised, span.start),
  );
  const autonomy = autonomyScore >= TAG_THRESHOLD ? { score: autonomyScore } : null;
  const spans = compiled.objectives.map((objective) => matches(normalised, objective.terms));
  const objectives = compiled.objectives
    .map((objective, index) => {
      const others = spans.filter((_, other) => other !== index).flat();
      const own = score(normalised, objective.terms, others);
      const fromAutonomy = objective.number === AUTONOMY_OBJECTIVE && autonomy ? autonomy.score : 0;
      return { objective: objective.number, score: Math.max(own, fromAutonomy) };
    })
    .filter((tag) => tag.score >= threshold)
    .sort((a, b) => b.score - a.score || a.objective - b.objective);
  return { objectives, autonomy };
}

/**
 * Text as terms are matched against it: typographic quotes and dashes made plain, possessives
 * dropped ("CCGs' budgets" -> "CCGs budgets"), "-ize" spellings made "-ise".
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\bwell-being\b/gi, "wellbeing")
    .replace(/(\w)'s\b/g, "$1")
    .replace(/(\w)s'(?=\W|$)/g, "$1s")
    .replace(/([a-z])iz(e|ed|es|ing|ation|ations)\b/gi, "$1is$2")
    .replace(/\s+/g, " ");
}

/** The gap "..." allows between words. */
const GAP_WORDS = 6;

/**
 * A term as a regular expression: "(s)" an optional ending, "(e|ed|ing)" alternatives, "..." up to
 * six words, a space or hyphen any run of spaces or hyphens, "=" in front to keep the case.
 */
export function compileTerm(term: string): RegExp {
  const caseSensitive = term.startsWith("=");
  const source = normaliseText(caseSensitive ? term.slice(1) : term).trim();
  const body = compilePart(source);
  return new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, caseSensitive ? "u" : "iu");
}

function compilePart(source: string): string {
  let out = "";
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? "";
    if (source.startsWith(" ... ", index)) {
      out += `[\\s-]+(?:[^\\s]+[\\s-]+){0,${GAP_WORDS}}?`;
      index += 5;
    } else if (source.startsWith("...", index)) {
      out += `(?:[\\s-]*[^\\s]+){0,${GAP_WORDS}}?`;
      index += 3;
    } else if (char === "(") {
      const end = closingParen(source, index);
      const alternatives = splitTopLevel(source.slice(index + 1, end));
      const compiled = alternatives.map(compilePart).join("|");
      out += alternatives.length === 1 ? `(?:${compiled})?` : `(?:${compiled})`;
      index = end + 1;
    } else if (char === " ") {
      out += "[\\s-]+";
      index++;
    } else if (char === "-") {
      out += "[\\s-]*";
      index++;
    } else if (char === "'") {
      out += "'?";
      index++;
    } else {
      out += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      index++;
    }
  }
  return out;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    if (source[index] === "(") depth++;
    if (source[index] === ")" && --depth === 0) return index;
  }
  throw new Error(`Unbalanced "(" in the tagging term "${source}"`);
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < inner.length; index++) {
    if (inner[index] === "(") depth++;
    if (inner[index] === ")") depth--;
    if (inner[index] === "|" && depth === 0) {
      parts.push(inner.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

interface Span {
  weight: number;
  start: number;
  end: number;
}

/** Each term's first match that `keep` accepts. */
function matches(text: string, terms: CompiledTerm[], keep: (span: Span) => boolean = () => true): Span[] {
  const found: Span[] = [];
  for (const term of terms) {
    const pattern = term.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const span = { weight: term.weight, start: match.index, end: match.index + match[0].length };
      if (keep(span)) {
        found.push(span);
        break;
      }
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return found;
}

/**
 * The CCG itself is the subject of the clause ("The CCG itself would hold back 1% of its budget",
 * "the governing body will keep control of ..."): a CCG doing this with its own money or
 * decisions is not someone else taking control of them.
 */
const CCG_AS_SUBJECT =
  /\b(?:the|each|our|this|every) (?:CCG|CCGs|clinical commissioning groups?|(?:shadow )?governing body)(?: itself| themselves)?(?: (?:would|will|could|should|had|has|have|was|were|is|are|might|may|must|did))?(?: also| then| still)? ?$/i;

function saidOfTheCcgItself(text: string, start: number): boolean {
  const before = text.slice(0, start);
  const clause = before.slice(
    Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "), before.lastIndexOf(", ")) + 1,
  );
  return CCG_AS_SUBJECT.test(clause);
}

/** A term that starts by naming the CCG ("the governing body, not the area team") says itself who acts. */
function namesCcgFirst(text: string, start: number): boolean {
  return /^(?:CCGs?|clinical commissioning groups?|governing bod(?:y|ies))\b/i.test(text.slice(start));
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

/**
 * `elsewhere`: the specific (not weak) terms another objective matched; a match inside a longer one
 * of them counts for nothing ("council" in "senate council", "public health" in "director of
 * public health" where that is another objective's term).
 */
function score(text: string, terms: CompiledTerm[], elsewhere: Span[] = [], keep?: (span: Span) => boolean): number {
  const longer = elsewhere.filter((span) => span.weight >= 1);
  const found = matches(text, terms, keep)
    .filter(
      (match) => !longer.some((other) => within(match, other) && other.end - other.start > match.end - match.start),
    )
    .sort((a, b) => b.end - b.start - (a.end - a.start));
  const counted: { start: number; end: number }[] = [];
  let weight = 0;
  for (const match of found) {
    if (counted.some((other) => within(match, { ...other, weight: 0 }))) continue;
    counted.push(match);
    weight += match.weight;
  }
  return Math.round((1 - 0.5 ** weight) * 1000) / 1000;
}

const globally = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);

function compile(vocabulary: TaggingVocabulary): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  const compileTerms = (terms: string[], weak: number | null, seen: Set<string>): CompiledTerm[] =>
    terms
      .map((term) => term.trim())
      .filter((term) => term && !seen.has(term.toLowerCase()) && seen.add(term.toLowerCase()))
      .map((term) => ({
        pattern: globally(compileTerm(term)),
        weight: weak ?? (/[\s.]/.test(term.replace(/\([^)]*\)/g, "").trim()) ? PHRASE_WEIGHT : 1),
      }));
  const compiled = {
    objectives: vocabulary.objectives.map((objective) => {
      const seen = new Set<string>();
      return {
        number: objective.number,
        terms: [
          ...compileTerms(objective.terms, null, seen),
          ...compileTerms(objective.weakTerms ?? [], WEAK_WEIGHT, seen),
        ],
      };
    }),
    autonomy: compileTerms(vocabulary.autonomyTerms, null, new Set()),
  };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

export { defaultTaggingVocabulary } from "./vocabulary";
