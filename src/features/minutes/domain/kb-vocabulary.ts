import { compileTerm, normaliseText, type TaggingVocabulary } from "./tagging";
import { defaultTaggingVocabulary } from "./vocabulary";

/**
 * The tagging vocabulary from the knowledge base: each objective's title and aliases (the words
 * that select it in `/objectives finance`) added to the built-in terms, so minutes are tagged in
 * the same words staff use to ask. Aliases the built-in terms already match ("csus", "finance")
 * are not counted twice; a new alias of one word ("money", "power") counts as a weak term, a
 * phrase in full.
 * Objective 1's autonomy aliases ("assumed liberty") also count as CCG autonomy.
 * Built on first use: comparing the aliases with the built-in terms compiles every term's pattern, a
 * cost that a process which never tags minutes (`localism ask`) should not pay at start-up.
 */
export function taggingVocabularyFrom(kb: { objectives: readonly ObjectiveWords[] }): TaggingVocabulary {
  let built: TaggingVocabulary | undefined;
  const vocabulary = () => {
    built ??= buildVocabulary(kb);
    return built;
  };
  return {
    get objectives() {
      return vocabulary().objectives;
    },
    get autonomyTerms() {
      return vocabulary().autonomyTerms;
    },
  };
}

function buildVocabulary(kb: { objectives: readonly ObjectiveWords[] }): TaggingVocabulary {
  const defaults = new Map(defaultTaggingVocabulary.objectives.map((objective) => [objective.number, objective]));
  const objectives = kb.objectives.map((objective) => {
    const builtIn = defaults.get(objective.number);
    const strong = (builtIn?.terms ?? []).map(compileTerm);
    const weak = (builtIn?.weakTerms ?? []).map(compileTerm);
    const covers = (patterns: RegExp[], term: string) => patterns.some((pattern) => pattern.test(normaliseText(term)));
    const words = [objective.title, ...objective.aliases]
      .map((term) => term.trim())
      .filter((term) => term && !covers([...strong, ...weak], term));
    const isStrong = (term: string) => /\s/.test(term);
    return {
      number: objective.number,
      terms: unique([...(builtIn?.terms ?? []), ...words.filter(isStrong)]),
      weakTerms: unique([...(builtIn?.weakTerms ?? []), ...words.filter((term) => !isStrong(term))]),
    };
  });
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
  const seen = new Set<string>();
  return terms
    .map((term) => term.trim())
    .filter((term) => term && !seen.has(term.toLowerCase()) && seen.add(term.toLowerCase()));
}
