/**
 * How a match becomes a score between 0 and 1 (the "confidence" the answer threshold is applied to).
 *
 * MiniSearch ranks with BM25+, whose raw scores depend on the query and the corpus and so cannot be
 * compared with a fixed threshold. We therefore score every query term t separately and compare it
 * with the term's self-score: what t would earn in a document that contains it exactly once and is of
 * average length, i.e. idf(t) * (d + (k + 1) / (1 + k)).
 *
 *   confidence(doc) = sum over t of min(score_t(doc), quality(t) * self(t)) / sum over t of self(t)
 *
 * So confidence is the IDF-weighted share of the query the document explains. Rare words weigh most;
 * common words ("CCG", "NHS") barely count either way. The sum is over the words the index knows:
 * a word no document uses (an abbreviation, a word of chit-chat, the "wifi" of "wifi password")
 * would count against every document alike, so it is left to the caller, which judges from those
 * words whether the question is about the knowledge base at all (coverage, in answer.ts). quality(t) is 1 for an exact match, about 0.6 for a corrected typo and 0.45 for a bare
 * fuzzy or prefix match, so a guessed word can never count as much as a word typed right; a typo's
 * self-score uses the idf of the word it was taken for. Capping each term keeps one word repeated
 * in a passage from standing in for the others.
 *
 * Ranking: by confidence; confidences equal to two decimals (as users see them) are a tie, broken by
 * raw BM25+, where a match in a passage's keywords (its declared topics) counts extra.
 */
export const BM25_PARAMS = { k: 1.2, b: 0.7, d: 0.5 } as const;

export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

export function selfScore(idf: number): number {
  const { k, d } = BM25_PARAMS;
  return idf * (d + (k + 1) / (1 + k));
}

export interface TermEvidence {
  selfScore: number;
  /** selfScore times match quality: the most this term can contribute to any document. */
  maxCredit: number;
  /** BM25+ score of this term in each matching document, by document id. */
  scores: Map<string, number>;
}

export function confidence(documentId: string, terms: TermEvidence[]): number {
  const possible = terms.reduce((sum, term) => sum + term.selfScore, 0);
  if (possible === 0) return 0;
  const earned = terms.reduce((sum, term) => sum + Math.min(term.scores.get(documentId) ?? 0, term.maxCredit), 0);
  return earned / possible;
}

export function rawScore(documentId: string, terms: TermEvidence[]): number {
  return terms.reduce((sum, term) => sum + (term.scores.get(documentId) ?? 0), 0);
}

export interface Ranked {
  score: number;
  rawScore: number;
}

export function compareRanked(a: Ranked, b: Ranked): number {
  return Math.round(b.score * 100) - Math.round(a.score * 100) || b.rawScore - a.rawScore;
}
