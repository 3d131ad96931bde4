import { createObjectiveFinder } from "./find-objective";
import type { KnowledgeBase, Objective, Passage } from "./knowledge-base";
import { type DocumentKind, type SearchDocument, type SearchHit, SearchIndex, type SourceRef } from "./search";

export interface Answer {
  objective: number | null;
  /** 0..1: the IDF-weighted share of the question the passage explains (see relevance.ts). */
  score: number;
  text: string;
  kind: DocumentKind;
  speaker?: string;
  passageId: string;
  source: SourceRef;
}

export interface AskResult {
  question: string;
  answered: boolean;
  /** Best first. Answered: up to 3 relevant passages. Not answered: up to 2 weak matches, or none. */
  answers: Answer[];
}

export interface ObjectivesAssistant {
  objectives(): Objective[];
  findObjective(text: string): Objective | undefined;
  ask(question: string): AskResult;
  /** Shared with the minutes module, which adds published minutes as documents. */
  index: SearchIndex;
}

/** A passage must explain at least this share of the question to count as an answer. */
export const ANSWER_THRESHOLD = 0.4;
/** Below the answer threshold but above this, a passage may be offered as "closest, may not answer". */
export const WEAK_MATCH_THRESHOLD = 0.3;
/** Further answers must be at least this close to the best one, so a strong answer is not padded out. */
const RELATIVE_TO_BEST = 0.5;
const MAX_ANSWERS = 3;
const MAX_WEAK_MATCHES = 2;
const CANDIDATES = 10;

export function createObjectivesAssistant(kb: KnowledgeBase): ObjectivesAssistant {
  const index = new SearchIndex(passageDocuments(kb));
  const findObjective = createObjectiveFinder(kb.objectives);
  return {
    objectives: () => [...kb.objectives],
    findObjective,
    ask: (question) => answerQuestion(index, question),
    index,
  };
}

export function passageDocuments(kb: KnowledgeBase): SearchDocument[] {
  return kb.passages.map((passage) => passageDocument(passage, kb));
}

function passageDocument(passage: Passage, kb: KnowledgeBase): SearchDocument {
  const source = kb.sources.get(passage.source);
  if (!source) throw new Error(`passage ${passage.id} cites unknown source ${passage.source}`);
  return {
    id: passage.id,
    objective: passage.objective,
    kind: passage.kind,
    text: passage.text,
    ...(passage.speaker === undefined ? {} : { speaker: passage.speaker }),
    source: {
      title: source.title,
      publisher: source.publisher,
      date: source.date,
      ...(source.url === undefined ? {} : { url: source.url }),
    },
    keywords: passage.about ?? [],
  };
}

/**
 * "Who is the chair of our CCG?" asks who holds a post in the asker's own organisation. The
 * knowledge base covers national policy of 2012-13 and names no local post-holders, so any
 * passage that matches the words (national chairs quoted about CCGs) would be a wrong answer.
 */
const OWN_ORGANISATION_POST_HOLDER = /^\s*who(?:'s|\s+is|\s+are|\s+runs|\s+leads|\s+chairs)\b.*\b(?:our|my)\b/i;

function answerQuestion(index: SearchIndex, question: string): AskResult {
  if (OWN_ORGANISATION_POST_HOLDER.test(question)) return { question, answered: false, answers: [] };
  const hits = index.search(question, CANDIDATES);
  const best = hits[0]?.score ?? 0;
  if (best >= ANSWER_THRESHOLD) {
    const strong = hits.filter((hit) => hit.score >= ANSWER_THRESHOLD && hit.score >= best * RELATIVE_TO_BEST);
    return { question, answered: true, answers: strong.slice(0, MAX_ANSWERS).map(toAnswer) };
  }
  const weak = hits.filter((hit) => hit.score >= WEAK_MATCH_THRESHOLD).slice(0, MAX_WEAK_MATCHES);
  return { question, answered: false, answers: weak.map(toAnswer) };
}

function toAnswer({ document, score }: SearchHit): Answer {
  return {
    objective: document.objective,
    score,
    text: document.text,
    kind: document.kind,
    ...(document.speaker === undefined ? {} : { speaker: document.speaker }),
    passageId: document.id,
    source: document.source,
  };
}
