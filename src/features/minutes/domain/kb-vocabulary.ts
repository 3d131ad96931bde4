import type { TaggingVocabulary } from "./tagging";
import { defaultTaggingVocabulary } from "./vocabulary";

/**
 * The tagging vocabulary from the knowledge base: each objective's aliases (the words that select it
 * in `/objectives finance`) added to the built-in terms, so minutes are tagged in the same words
 * staff use to ask. Objective 1's autonomy aliases ("assumed liberty") also count as CCG autonomy.
 */
export function taggingVocabularyFrom(kb: { objectives: readonly ObjectiveWords[] }): TaggingVocabulary {
  const defaults = new Map(defaultTaggingVocabulary.objectives.map((objective) => [objective.number, objective.terms]));
  const objectives = kb.objectives.map((objective) => ({
    number: objective.number,
    terms: unique([...(defaults.get(objective.number) ?? []), objective.title, ...objective.aliases]),
  }));
  const autonomyAliases = kb.objectives
    .flatMap((objective) => objective.aliases)
    .filter((alias) => /autonom|liberty/i.test(alias));
  return { objectives, autonomyTerms: unique([...defaultTaggingVocabulary.autonomyTerms, ...autonomyAliases]) };
}

/** What tagging needs of an objective in the knowledge base. */
export interface ObjectiveWords {
  number: number;
  title: string;
  aliases: readonly string[];
}

function unique(terms: string[]): string[] {
  return [...new Set(terms.map((term) => term.trim()).filter(Boolean))];
}
