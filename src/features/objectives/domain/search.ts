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
import { EVERYDAY_WORDS, GENERIC_WORDS } from "./stop-words";
import { NO_STORED_EVIDENCE, type StoredEvidence } from "./stored-documents";
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

/** Occurrences (or lengths) in a document's two fields: its body and its topics. */
type FieldCounts = readonly [body: number, topics: number];

/** What BM25 needs of the whole corpus, for one term: documents, those using the term per field, average lengths. */
interface FieldStatistics {
  documentCount: number;
  matching: FieldCounts;
  averageLengths: FieldCounts;
}

/** What the index holds of a document: its analysed terms per field, and their lengths as BM25 counts them. */
export interface IndexedTerms {
  body: string[];
  topics: string[];
  /** Distinct words (stop words included), as MiniSearch measures a field. */
  bodyLength: number;
  topicsLength: number;
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
/** Common words that are never read as a typo of another word, nor matched fuzzily. */
const PLAIN_WORDS: ReadonlySet<string> = new Set([...GENERIC_WORDS, ...EVERYDAY_WORDS]);
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
  /** Per term, the documents using it and how often in each field: exact matches are scored from these,
   * with stored documents' statistics added in (MiniSearch's engine serves fuzzy and prefix matches). */
  private readonly postings = new Map<string, Map<string, FieldCounts>>();
  private readonly fieldLengths = new Map<string, FieldCounts>();
  /** Kept as MiniSearch keeps its own, so that the scores are MiniSearch's to the last bit. */
  private averageLengths: FieldCounts = [0, 0];

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
      this.addPostings(document.id, indexedTerms(document));
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
      this.removePostings(id);
      this.frequency.remove(id);
      this.surface.remove(this.surfaceWordsById.get(id) ?? []);
      this.surfaceWordsById.delete(id);
      this.documents.delete(id);
    }
  }

  /** Whether any indexed document uses this word, as written (not stemmed); a stored document, its stem. */
  uses(word: string, stored: StoredEvidence = NO_STORED_EVIDENCE): boolean {
    if (this.surface.has(word) || (isKeptAsIs(word) && this.frequency.of(word) > 0)) return true;
    const term = processToken(word);
    return term !== null && (stored.terms.get(term)?.documents ?? 0) > 0;
  }

  /**
   * The analysed terms to ask stored documents about for a question: its words, and for a word the
   * knowledge base does not know, the word it would be corrected to. Stored documents are matched
   * on exact terms only; fuzzy and prefix matching stays with the passages in memory.
   */
  storedTerms(question: string): string[] {
    const terms = new Set<string>();
    for (const { token, term } of queryTerms(question)) {
      terms.add(term);
      if (this.frequency.of(term) > 0 || isKeptAsIs(token) || PLAIN_WORDS.has(token)) continue;
      const corrected = this.surface.closest(token);
      const correctedTerm = corrected && processToken(corrected.word);
      if (correctedTerm) terms.add(correctedTerm);
    }
    return [...terms];
  }

  search(query: string, limit = 10): SearchHit[] {
    return this.lookup(query, limit).hits;
  }

  /**
   * Scores documents on the words of the question the index knows (see relevance.ts), and lists
   * the words it does not know, so that the caller can judge how much of the question that is.
   * Stop words and chit-chat are in neither; the field's names no document happens to use ("LAT",
   * "QIPP") are not listed as unknown but lower every document's share (absentNameEvidence).
   * `emphasised` terms (analysed) weigh more: the words in quotes. `stored`: what the store of
   * documents kept outside memory holds of the query's terms (storedTerms); its candidates are ranked
   * with the passages, on the statistics of both together.
   */
  lookup(
    query: string,
    limit = 10,
    emphasised: ReadonlySet<string> = NONE,
    stored: StoredEvidence = NO_STORED_EVIDENCE,
  ): Lookup {
    const lookup: Lookup = { hits: [], terms: [], known: [], partial: [], unknown: [] };
    if (this.documents.size === 0 && stored.totals.documents === 0) return lookup;
    const evidence: TermEvidence[] = [];
    for (const { token, term } of queryTerms(query)) {
      const found = this.evidenceFor({ token, term }, stored);
      if (found) {
        evidence.push(emphasised.has(term) ? emphasise(found) : found);
        lookup.terms.push(found.term);
        lookup.known.push({ term: found.term, token });
        if (found.partial) lookup.partial.push(found.term);
      } else if (CANONICAL_TOKENS.has(token)) {
        evidence.push(this.absentNameEvidence(stored));
      } else {
        lookup.unknown.push(token);
      }
    }
    const candidateIds = new Set(evidence.flatMap((term) => [...term.scores.keys()]));
    const storedDocuments = new Map(stored.candidates.map((candidate) => [candidate.document.id, candidate.document]));
    lookup.hits = [...candidateIds]
      .flatMap((id) => {
        const document = this.documents.get(id) ?? storedDocuments.get(id);
        return document ? [{ document, score: confidence(id, evidence), rawScore: rawScore(id, evidence) }] : [];
      })
      .sort(compareRanked)
      .slice(0, limit);
    return lookup;
  }

  /** Known term: exact. Typo of a known word: that word, at fuzzy weight. Else MiniSearch fuzzy/prefix.
   * Null when nothing in the index matches the word at all. */
  private evidenceFor(queryTerm: QueryTerm, stored: StoredEvidence): MatchedTerm | null {
    // Stored documents change under us: their evidence is found afresh for every question.
    if (stored.totals.documents > 0) return this.findEvidence(queryTerm, stored);
    const key = `${queryTerm.token} ${queryTerm.term}`;
    const cached = this.evidenceCache.get(key);
    if (cached !== undefined) return cached;
    const found = this.findEvidence(queryTerm, stored);
    if (this.evidenceCache.size >= EVIDENCE_CACHE_SIZE) this.evidenceCache.clear();
    this.evidenceCache.set(key, found);
    return found;
  }

  private findEvidence({ token, term }: QueryTerm, stored: StoredEvidence): MatchedTerm | null {
    const known = (word: string) => this.frequency.of(word) + (stored.terms.get(word)?.documents ?? 0) > 0;
    if (known(term)) return { ...this.exactEvidence(term, 1, stored), term, partial: false };
    if (isKeptAsIs(token)) return null;
    // A plain English word is what the asker meant ("better" is not a typo of "letter").
    if (PLAIN_WORDS.has(token)) return null;
    const correction = this.surface.closest(token);
    const corrected = correction && processToken(correction.word);
    if (correction && corrected && known(corrected)) {
      const length = correction.word.length;
      return {
        ...this.exactEvidence(corrected, (CORRECTION_WEIGHT * length) / (length + correction.distance), stored),
        term: corrected,
        partial: false,
      };
    }
    const tolerant = this.tolerantEvidence(term);
    return tolerant.scores.size > 0 ? { ...tolerant, term, partial: true } : null;
  }

  /** BM25+ of the term in each document using it (MiniSearch's formula), passages and stored candidates alike. */
  private exactEvidence(term: string, quality: number, stored: StoredEvidence): TermEvidence {
    const statistics = this.fieldStatistics(term, stored);
    const scores = new Map<string, number>();
    for (const [id, counts] of this.postings.get(term) ?? []) {
      scores.set(id, termScore(counts, this.fieldLengths.get(id) ?? [0, 0], statistics) * quality);
    }
    for (const candidate of stored.candidates) {
      const counts: FieldCounts = [candidate.body.get(term) ?? 0, candidate.topics.get(term) ?? 0];
      if (counts[0] === 0 && counts[1] === 0) continue;
      const lengths: FieldCounts = [candidate.bodyLength, candidate.topicsLength];
      scores.set(candidate.document.id, termScore(counts, lengths, statistics) * quality);
    }
    const documentFrequency = this.frequency.of(term) + (stored.terms.get(term)?.documents ?? 0);
    const self = selfScore(inverseDocumentFrequency(statistics.documentCount, documentFrequency));
    return { selfScore: self, maxCredit: self * quality, scores };
  }

  private fieldStatistics(term: string, stored: StoredEvidence): FieldStatistics {
    let body = stored.terms.get(term)?.body ?? 0;
    let topics = stored.terms.get(term)?.topics ?? 0;
    for (const [inBody, inTopics] of this.postings.get(term)?.values() ?? []) {
      if (inBody > 0) body += 1;
      if (inTopics > 0) topics += 1;
    }
    const own = this.fieldLengths.size;
    const { totals } = stored;
    const documentCount = own + totals.documents;
    const [averageBody, averageTopics] = this.averageLengths;
    const averageLengths: FieldCounts =
      totals.documents === 0
        ? this.averageLengths
        : [
            (averageBody * own + totals.bodyLength) / documentCount,
            (averageTopics * own + totals.topicsLength) / documentCount,
          ];
    return { documentCount, matching: [body, topics], averageLengths };
  }

  private addPostings(id: string, terms: IndexedTerms): void {
    const count = this.fieldLengths.size;
    const [averageBody, averageTopics] = this.averageLengths;
    this.averageLengths = [
      (averageBody * count + terms.bodyLength) / (count + 1),
      (averageTopics * count + terms.topicsLength) / (count + 1),
    ];
    this.fieldLengths.set(id, [terms.bodyLength, terms.topicsLength]);
    const counts = new Map<string, [number, number]>();
    for (const term of terms.body) counts.set(term, [(counts.get(term)?.[0] ?? 0) + 1, counts.get(term)?.[1] ?? 0]);
    for (const term of terms.topics) counts.set(term, [counts.get(term)?.[0] ?? 0, (counts.get(term)?.[1] ?? 0) + 1]);
    for (const [term, fieldCounts] of counts) {
      const documents = this.postings.get(term) ?? new Map<string, FieldCounts>();
      documents.set(id, fieldCounts);
      this.postings.set(term, documents);
    }
  }

  private removePostings(id: string): void {
    const document = this.documents.get(id);
    const lengths = this.fieldLengths.get(id);
    if (!document || !lengths) return;
    const count = this.fieldLengths.size;
    const [averageBody, averageTopics] = this.averageLengths;
    this.averageLengths =
      count === 1
        ? [0, 0]
        : [(averageBody * count - lengths[0]) / (count - 1), (averageTopics * count - lengths[1]) / (count - 1)];
    this.fieldLengths.delete(id);
    const terms = indexedTerms(document);
    for (const term of new Set([...terms.body, ...terms.topics])) {
      const documents = this.postings.get(term);
      documents?.delete(id);
      if (documents?.size === 0) this.postings.delete(term);
    }
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
  private absentNameEvidence(stored: StoredEvidence): TermEvidence {
    const documentCount = this.frequency.documentCount + stored.totals.documents;
    const self = selfScore(inverseDocumentFrequency(documentCount, 0)) * ABSENT_NAME_WEIGHT;
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

/** MiniSearch's BM25+ of one term in one document, summed over its fields (topics boosted). */
function termScore(counts: FieldCounts, lengths: FieldCounts, statistics: FieldStatistics): number {
  const { k, b, d } = BM25_PARAMS;
  let score = 0;
  for (const field of [0, 1] as const) {
    const frequency = counts[field];
    if (frequency === 0) continue;
    const idf = inverseDocumentFrequency(statistics.documentCount, statistics.matching[field]);
    const length = (b * lengths[field]) / statistics.averageLengths[field];
    const bm25 = idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + length)));
    score += (field === 1 ? TOPICS_BOOST : 1) * bm25;
  }
  return score;
}

/** A document's analysed terms per field, as the index holds them (in memory, or in a store of documents). */
export function indexedTerms(document: SearchDocument): IndexedTerms {
  const indexed = indexedDocument(document);
  const body = tokeniseParts(indexed.body);
  const topics = tokeniseParts(indexed.topics);
  return {
    body: body.flatMap((token) => processToken(token) ?? []),
    topics: topics.flatMap((token) => processToken(token) ?? []),
    bodyLength: new Set(body).size,
    topicsLength: new Set(topics).size,
  };
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
