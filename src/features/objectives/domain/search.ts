import MiniSearch, { type SearchOptions } from "minisearch";
import { DocumentFrequency } from "./document-frequency";
import {
  BM25_PARAMS,
  compareRanked,
  confidence,
  inverseDocumentFrequency,
  rawScore,
  selfScore,
  type TermEvidence,
} from "./relevance";
import type { SearchDocument, SearchHit } from "./search-document";
import { SurfaceVocabulary } from "./spelling";
import { CANONICAL_TOKENS } from "./synonyms";
import { isKeptAsIs, processToken, tokenise } from "./text-analysis";

export type { DocumentKind, SearchDocument, SearchHit, SourceRef } from "./search-document";

interface IndexedDocument {
  id: string;
  /** The passage and its speaker. */
  body: string;
  /** Declared topics: keywords and the objective it belongs to. */
  topics: string;
}

/** A query word's evidence, with the index term it was matched as; partial for a fuzzy or prefix match. */
type MatchedTerm = TermEvidence & { term: string; partial: boolean };

interface QueryTerm {
  /** The word as typed (normalised), for spelling correction. */
  token: string;
  /** The analysed term the index holds. */
  term: string;
}

// Separates the parts of a field (text, speaker, each keyword) so no name is matched across two parts.
const PART_SEPARATOR = "\u241E";
/** A word in a passage's declared topics says more about what it is about than one in passing. */
const TOPICS_BOOST = 1.5;
/** A corrected typo earns fuzzyWeight * length / (length + distance), MiniSearch's own formula. */
const CORRECTION_WEIGHT = 0.7;
/** Unknown stems fall back to MiniSearch's fuzzy and prefix search at its default (lower) weights. */
const FALLBACK_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MIN_FUZZY_LENGTH = 5;
/** Query words whose evidence is kept; the cache is emptied when full and whenever documents change. */
const EVIDENCE_CACHE_SIZE = 5000;
/** A name of the field no document uses counts as half a word found nowhere (see absentNameEvidence). */
const ABSENT_NAME_WEIGHT = 0.5;
/** Words the asker put in quotes weigh this many times as much. */
const EMPHASIS = 2;
const BASE_OPTIONS: SearchOptions = {
  tokenize: (text) => [text],
  processTerm: (text) => text,
  bm25: BM25_PARAMS,
  boost: { topics: TOPICS_BOOST },
};

/** A question's word the index knows. */
export interface KnownWord {
  /** The index term it was matched as. */
  term: string;
  /** The word as typed. */
  token: string;
}

/** What a question found: the ranked hits, and which of its words the index knows at all. */
export interface Lookup {
  /** Best first; scores are the share of the question's known words each document explains. */
  hits: SearchHit[];
  /** The question's words the index knows (exactly, as a corrected typo, or partly), as index terms. */
  terms: string[];
  /** The same, each with the word as typed. */
  known: KnownWord[];
  /** Those of them matched only by a fuzzy or prefix match: half known at best. */
  partial: string[];
  /** Its words no indexed document uses, as typed (after abbreviations are expanded). */
  unknown: string[];
}

/** Full-text index over passages and, later, published minutes. Adding an existing id replaces it. */
export class SearchIndex {
  private readonly engine = new MiniSearch<IndexedDocument>({
    fields: ["body", "topics"],
    tokenize: tokeniseParts,
    processTerm: (term) => processToken(term) ?? null,
  });
  private readonly documents = new Map<string, SearchDocument>();
  private readonly frequency = new DocumentFrequency();
  private readonly surface = new SurfaceVocabulary();
  private readonly surfaceWordsById = new Map<string, string[]>();
  /** Evidence per query word, kept until the documents change: questions repeat their words. */
  private readonly evidenceCache = new Map<string, MatchedTerm | null>();

  constructor(documents: SearchDocument[] = []) {
    this.add(documents);
  }

  get size(): number {
    return this.documents.size;
  }

  add(documents: SearchDocument[]): void {
    this.evidenceCache.clear();
    for (const document of documents) {
      if (this.documents.has(document.id)) this.remove([document.id]);
      const indexed = indexedDocument(document);
      const tokens = [...tokeniseParts(indexed.body), ...tokeniseParts(indexed.topics)];
      const surfaceWords = tokens.filter((token) => !isKeptAsIs(token) && processToken(token) !== null);
      this.engine.add(indexed);
      this.frequency.add(
        document.id,
        tokens.flatMap((token) => processToken(token) ?? []),
      );
      this.surface.add(surfaceWords);
      this.surfaceWordsById.set(document.id, surfaceWords);
      this.documents.set(document.id, document);
    }
  }

  remove(ids: string[]): void {
    this.evidenceCache.clear();
    for (const id of ids) {
      if (!this.documents.has(id)) continue;
      this.engine.discard(id);
      this.frequency.remove(id);
      this.surface.remove(this.surfaceWordsById.get(id) ?? []);
      this.surfaceWordsById.delete(id);
      this.documents.delete(id);
    }
  }

  /** Whether any indexed document uses this word, as written (not stemmed). */
  uses(word: string): boolean {
    return this.surface.has(word) || (isKeptAsIs(word) && this.frequency.of(word) > 0);
  }

  search(query: string, limit = 10): SearchHit[] {
    return this.lookup(query, limit).hits;
  }

  /**
   * Scores documents on the words of the question the index knows (see relevance.ts), and lists
   * the words it does not know, so that the caller can judge how much of the question that is.
   * Stop words and chit-chat are in neither; the field's names no document happens to use ("LAT",
   * "QIPP") are not listed as unknown but lower every document's share (absentNameEvidence).
   * `emphasised` terms (analysed) weigh more: the words in quotes.
   */
  lookup(query: string, limit = 10, emphasised: ReadonlySet<string> = NONE): Lookup {
    const lookup: Lookup = { hits: [], terms: [], known: [], partial: [], unknown: [] };
    if (this.documents.size === 0) return lookup;
    const evidence: TermEvidence[] = [];
    for (const { token, term } of queryTerms(query)) {
      const found = this.evidenceFor({ token, term });
      if (found) {
        evidence.push(emphasised.has(term) ? emphasise(found) : found);
        lookup.terms.push(found.term);
        lookup.known.push({ term: found.term, token });
        if (found.partial) lookup.partial.push(found.term);
      } else if (CANONICAL_TOKENS.has(token)) {
        evidence.push(this.absentNameEvidence());
      } else {
        lookup.unknown.push(token);
      }
    }
    const candidateIds = new Set(evidence.flatMap((term) => [...term.scores.keys()]));
    lookup.hits = [...candidateIds]
      .flatMap((id) => {
        const document = this.documents.get(id);
        return document ? [{ document, score: confidence(id, evidence), rawScore: rawScore(id, evidence) }] : [];
      })
      .sort(compareRanked)
      .slice(0, limit);
    return lookup;
  }

  /** Known term: exact. Typo of a known word: that word, at fuzzy weight. Else MiniSearch fuzzy/prefix.
   * Null when nothing in the index matches the word at all. */
  private evidenceFor(queryTerm: QueryTerm): MatchedTerm | null {
    const key = `${queryTerm.token} ${queryTerm.term}`;
    const cached = this.evidenceCache.get(key);
    if (cached !== undefined) return cached;
    const found = this.findEvidence(queryTerm);
    if (this.evidenceCache.size >= EVIDENCE_CACHE_SIZE) this.evidenceCache.clear();
    this.evidenceCache.set(key, found);
    return found;
  }

  private findEvidence({ token, term }: QueryTerm): MatchedTerm | null {
    if (this.frequency.of(term) > 0) return { ...this.exactEvidence(term, 1), term, partial: false };
    if (isKeptAsIs(token)) return null;
    const correction = this.surface.closest(token);
    const corrected = correction && processToken(correction.word);
    if (correction && corrected && this.frequency.of(corrected) > 0) {
      const length = correction.word.length;
      return {
        ...this.exactEvidence(corrected, (CORRECTION_WEIGHT * length) / (length + correction.distance)),
        term: corrected,
        partial: false,
      };
    }
    const tolerant = this.tolerantEvidence(term);
    return tolerant.scores.size > 0 ? { ...tolerant, term, partial: true } : null;
  }

  private exactEvidence(term: string, quality: number): TermEvidence {
    const results = this.engine.search(term, BASE_OPTIONS);
    const self = selfScore(this.idfOf(this.frequency.of(term)));
    return {
      selfScore: self,
      maxCredit: self * quality,
      scores: new Map(results.map((result) => [String(result.id), result.score * quality])),
    };
  }

  /** Unknown stem: fuzzy and prefix matches; its weight is that of the commonest word it matched. */
  private tolerantEvidence(term: string): TermEvidence {
    const tolerant = term.length >= MIN_FUZZY_LENGTH;
    const results = this.engine.search(term, {
      ...BASE_OPTIONS,
      fuzzy: tolerant ? 0.2 : false,
      prefix: tolerant,
      maxFuzzy: 2,
      weights: FALLBACK_WEIGHTS,
    });
    const matchedWords = results.flatMap((result) => result.terms);
    const documentFrequency = Math.max(0, ...matchedWords.map((word) => this.frequency.of(word)));
    const self = selfScore(this.idfOf(documentFrequency));
    return {
      selfScore: self,
      maxCredit: self * Math.max(FALLBACK_WEIGHTS.fuzzy, FALLBACK_WEIGHTS.prefix),
      scores: new Map(results.map((result) => [String(result.id), result.score])),
    };
  }

  /**
   * A name of the field no document uses ("LAT", "QIPP") is not held against the question's coverage,
   * but no passage explains it either: it counts in every document's share as half a word found
   * nowhere, so that a question about area teams is not answered confidently from a passage that
   * matches only its other words, while "GP orgs" still finds the GPs' organisations.
   */
  private absentNameEvidence(): TermEvidence {
    const self = selfScore(this.idfOf(0)) * ABSENT_NAME_WEIGHT;
    return { selfScore: self, maxCredit: self, scores: new Map() };
  }

  private idfOf(documentFrequency: number): number {
    return inverseDocumentFrequency(this.frequency.documentCount, documentFrequency);
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Words the asker put in quotes are what the question is about: they weigh EMPHASIS times as much. */
function emphasise(evidence: MatchedTerm): MatchedTerm {
  return {
    ...evidence,
    selfScore: evidence.selfScore * EMPHASIS,
    maxCredit: evidence.maxCredit * EMPHASIS,
    scores: new Map([...evidence.scores].map(([id, score]) => [id, score * EMPHASIS])),
  };
}

function queryTerms(query: string): QueryTerm[] {
  const byTerm = new Map<string, QueryTerm>();
  for (const token of tokenise(query)) {
    const term = processToken(token);
    if (term !== null && !byTerm.has(term)) byTerm.set(term, { token, term });
  }
  return [...byTerm.values()];
}

function indexedDocument(document: SearchDocument): IndexedDocument {
  const objective = document.objective === null ? [] : [`objective ${document.objective}`];
  return {
    id: document.id,
    body: [document.text, document.speaker ?? ""].join(PART_SEPARATOR),
    topics: [...(document.keywords ?? []), ...objective].join(PART_SEPARATOR),
  };
}

function tokeniseParts(content: string): string[] {
  return content.split(PART_SEPARATOR).flatMap(tokenise);
}
