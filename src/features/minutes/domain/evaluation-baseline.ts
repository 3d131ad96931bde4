/**
 * A plain baseline for the extraction figures, run beside the real extraction so its figures have
 * context: the first date in the text is the meeting date, nobody attends, every paragraph is an
 * item, an "Action:" line is an action, and tags are a plain keyword match on word stems of the
 * knowledge base's words for each objective (its title and aliases).
 */
import { stemmer } from "stemmer";
import { findFullDate, toIsoDate } from "./dates";
import type { MinutesJson, TaggedMinutesItem } from "./document";
import type { ObjectiveWords } from "./kb-vocabulary";
import type { TaggingVocabulary } from "./tagging";

/** The baseline's words: each objective's title and aliases, and the autonomy ones among them. */
export function baselineVocabularyFrom(kb: { objectives: readonly ObjectiveWords[] }): TaggingVocabulary {
  return {
    objectives: kb.objectives.map((objective) => ({
      number: objective.number,
      terms: [objective.title, ...objective.aliases],
    })),
    autonomyTerms: kb.objectives
      .flatMap((objective) => objective.aliases)
      .filter((alias) => /autonom|liberty/i.test(alias)),
  };
}

export function baselineDocument(text: string, url: string, vocabulary: TaggingVocabulary): MinutesJson {
  const date = findFullDate(text);
  const paragraphs = text
    .split(/\n\s*\n|\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const items = paragraphs.map((paragraph): TaggedMinutesItem => {
    const action = /^actions?\s*[:\-–]\s*(.+)$/i.exec(paragraph);
    const tags = stemmedTags(paragraph, vocabulary);
    return {
      text: action?.[1] ?? paragraph,
      kind: action ? "action" : "discussion",
      heading: null,
      owner: null,
      due: null,
      objectives: tags.objectives,
      autonomy: tags.autonomy,
      autonomyScore: tags.autonomy ? 0.5 : null,
      tags: tags.objectives.map((objective) => ({ objective, score: 0.5 })),
    };
  });
  return {
    title: paragraphs[0] ?? "",
    meetingDate: date ? toIsoDate(date) : null,
    url,
    minutes: true,
    notMinutesReason: null,
    attendees: [],
    apologies: [],
    items,
  };
}

const STOPWORDS = new Set(["a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "with", "by", "at", "is"]);

function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token && !STOPWORDS.has(token))
    .map((token) => stemmer(token.replace(/is(ation|ations|e|es|ed|ing)$/, "iz$1")));
}

/** A term of the vocabulary as plain words: "allocation(s)" -> "allocation", "=QIPP" -> "QIPP", "..." dropped. */
function plainWords(term: string): string {
  return term
    .replace(/^=/, "")
    .replace(/\(([^()|]*)(?:\|[^()]*)?\)/g, (_, first: string, offset: number, whole: string) =>
      whole.slice(offset).match(/^\([^()|]*\)/) ? "" : first,
    )
    .replace(/\.\.\./g, " ");
}

function containsAny(haystack: string[], terms: string[]): boolean {
  return terms.some((term) => {
    const needle = stems(plainWords(term));
    if (needle.length === 0) return false;
    for (let start = 0; start + needle.length <= haystack.length; start++) {
      if (needle.every((stem, offset) => haystack[start + offset] === stem)) return true;
    }
    return false;
  });
}

function stemmedTags(text: string, vocabulary: TaggingVocabulary): { objectives: number[]; autonomy: boolean } {
  const words = stems(text);
  return {
    objectives: vocabulary.objectives
      .filter((objective) => containsAny(words, [...objective.terms, ...(objective.weakTerms ?? [])]))
      .map((objective) => objective.number),
    autonomy: containsAny(words, vocabulary.autonomyTerms),
  };
}
