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
import { isKeptAsIs, processToken, tokenise } from "./text-analysis";

export type { DocumentKind, SearchDocument, SearchHit, SourceRef } from "./search-document";

interface IndexedDocument {
  id: string;
  /** The passage and its speaker. */
  body: string;
  /** Declared topics: keywords and the objective it belongs to. */
  topics: string;
}

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
const BASE_OPTIONS: SearchOptions = {
  tokenize: (text) => [text],
  processTerm: (text) => text,
  bm25: BM25_PARAMS,
  boost: { topics: TOPICS_BOOST },
};

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

  constructor(documents: SearchDocument[] = []) {
    this.add(documents);
  }

  get size(): number {
    return this.documents.size;
  }

  add(documents: SearchDocument[]): void {
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
    for (const id of ids) {
      if (!this.documents.has(id)) continue;
      this.engine.discard(id);
      this.frequency.remove(id);
      this.surface.remove(this.surfaceWordsById.get(id) ?? []);
      this.surfaceWordsById.delete(id);
      this.documents.delete(id);
    }
  }

  search(query: string, limit = 10): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || this.documents.size === 0) return [];
    const evidence = terms.map((term) => this.evidenceFor(term));
    const candidateIds = new Set(evidence.flatMap((term) => [...term.scores.keys()]));
    return [...candidateIds]
      .flatMap((id) => {
        const document = this.documents.get(id);
        return document ? [{ document, score: confidence(id, evidence), rawScore: rawScore(id, evidence) }] : [];
      })
      .sort(compareRanked)
      .slice(0, limit);
  }

  /** Known term: exact. Typo of a known word: that word, at fuzzy weight. Else MiniSearch fuzzy/prefix. */
  private evidenceFor({ token, term }: QueryTerm): TermEvidence {
    if (this.frequency.of(term) > 0) return this.exactEvidence(term, 1);
    const correction = isKeptAsIs(token) ? undefined : this.surface.closest(token);
    const corrected = correction && processToken(correction.word);
    if (correction && corrected && this.frequency.of(corrected) > 0) {
      const length = correction.word.length;
      return this.exactEvidence(corrected, (CORRECTION_WEIGHT * length) / (length + correction.distance));
    }
    return this.tolerantEvidence(term);
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

  private idfOf(documentFrequency: number): number {
    return inverseDocumentFrequency(this.frequency.documentCount, documentFrequency);
  }
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
