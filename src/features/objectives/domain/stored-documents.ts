import type { SearchDocument } from "./search-document";

/**
 * Documents searched where they are stored rather than in memory: published minutes, in the database
 * every instance shares. The store holds each document's analysed terms (indexedTerms in search.ts)
 * and, per term, how many stored documents use it; the search index asks it for the question's terms
 * and scores the candidates it returns with the knowledge base's own passages, on the statistics of
 * both together (see SearchIndex.lookup), so that confidence means what it always has.
 */
export interface StoredDocuments {
  /** What the store knows of these analysed terms, with at most `limit` candidates that use them. */
  evidence(terms: string[], limit: number): Promise<StoredEvidence>;
}

/** How many stored documents use a term: in any field, in the body, in the topics. */
export interface StoredTermCounts {
  documents: number;
  body: number;
  topics: number;
}

/** A stored document that uses some of the terms asked for, with what BM25 needs of it. */
export interface StoredCandidate {
  document: SearchDocument;
  /** Occurrences of each analysed term in the body and in the topics. */
  body: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, number>;
  /** Distinct words in each field (MiniSearch's field length). */
  bodyLength: number;
  topicsLength: number;
}

export interface StoredEvidence {
  /** All stored documents: their number and summed field lengths. */
  totals: { documents: number; bodyLength: number; topicsLength: number };
  /** The terms asked for that stored documents use. */
  terms: ReadonlyMap<string, StoredTermCounts>;
  /** The stored documents that explain most of the terms, best first. */
  candidates: StoredCandidate[];
}

export const NO_STORED_EVIDENCE: StoredEvidence = {
  totals: { documents: 0, bodyLength: 0, topicsLength: 0 },
  terms: new Map(),
  candidates: [],
};

/** Term occurrences of a stored list of analysed terms (as written by the store: space-separated, repeated). */
export function termCounts(terms: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms.split(" ")) if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
