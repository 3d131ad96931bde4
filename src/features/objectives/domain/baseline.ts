import MiniSearch from "minisearch";
import type { Answer, AskResult } from "./answer";
import type { SearchDocument } from "./search-document";

const MAX_ANSWERS = 3;

/**
 * Plain BM25 over the same passages, the yardstick `localism eval` measures the bot against:
 * MiniSearch with its defaults (words split on spaces and punctuation, lower-cased, BM25+ at its
 * default parameters) over each passage's text alone. No stemming, synonyms, spelling correction,
 * keywords or threshold: it answers every question that shares a word with any passage, with its
 * top three hits, and declines only when no word matches at all.
 */
export function createBaselineAnswerer(documents: SearchDocument[]): (question: string) => AskResult {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const engine = new MiniSearch<SearchDocument>({ fields: ["text"], idField: "id" });
  engine.addAll(documents);
  return (question) => {
    const hits = engine.search(question).slice(0, MAX_ANSWERS);
    const best = hits[0]?.score ?? 1;
    const answers = hits.flatMap((hit): Answer[] => {
      const document = byId.get(String(hit.id));
      if (!document) return [];
      return [
        {
          objective: document.objective,
          score: hit.score / best,
          text: document.text,
          kind: document.kind,
          ...(document.speaker === undefined ? {} : { speaker: document.speaker }),
          passageId: document.id,
          source: document.source,
        },
      ];
    });
    return { question, answered: answers.length > 0, direct: answers.length > 0, answers };
  };
}
