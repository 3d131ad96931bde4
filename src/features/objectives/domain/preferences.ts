import type { QuestionShape } from "./question";
import type { SearchDocument, SearchHit } from "./search-document";
import { EVERYDAY_WORDS, GENERIC_WORDS } from "./stop-words";
import { analyse } from "./text-analysis";

/**
 * Among passages that match a question about equally well, the kind it asks for comes first:
 * - "what is X" / "what does X mean": a passage that defines X (its `defines` names X);
 * - "what did the letter / the Secretary of State say": the letter's own words (role `letter`);
 * - "the commissioning landscape objective": passages filed under that objective; a little, too, for
 *   a question that only uses a word naming one ("partners", "localism");
 * - "can the Board direct us / overrule us": a passage that answers (not background) and speaks of
 *   that power, over one that only matches what it would be used on ("budget", "services");
 * - "which of the objectives / which objective is X under": a passage filed under an objective,
 *   which names it, over one about the letter as a whole.
 * A preference adds to a passage's rank, never to whether the question is answered, and counts only
 * for a passage that explains at least PREFERENCE_FLOOR of what the best match does: it reorders
 * near equals and never promotes a poor match.
 */
export const DEFINITION_BONUS = 0.35;
export const LETTER_BONUS = 0.2;
export const NAMED_OBJECTIVE_BONUS = 0.3;
export const OBJECTIVE_WORD_BONUS = 0.1;
export const ACTION_BONUS = 0.3;
export const WHICH_OBJECTIVE_BONUS = 0.35;
export const PREFERENCE_FLOOR = 0.6;

const GENERIC_TERMS = new Set([...GENERIC_WORDS, ...EVERYDAY_WORDS].flatMap(analyse));
const documentTerms = new WeakMap<SearchDocument, Set<string>>();

/** What "can the Board X us" asks the Board may do: X, unless it is a word that says little ("stay"). */
export function actionTerms(shape: QuestionShape): string[] {
  return shape.action === undefined ? [] : analyse(shape.action).filter((term) => !GENERIC_TERMS.has(term));
}

function termsOf(document: SearchDocument): Set<string> {
  let terms = documentTerms.get(document);
  if (!terms) {
    terms = new Set(analyse([document.text, ...(document.keywords ?? [])].join(" ")));
    documentTerms.set(document, terms);
  }
  return terms;
}

const definedTerms = new WeakMap<SearchDocument, string[][]>();

function termsDefinedBy(document: SearchDocument): string[][] {
  let terms = definedTerms.get(document);
  if (!terms) {
    terms = (document.defines ?? []).map(analyse).filter((set) => set.length > 0);
    definedTerms.set(document, terms);
  }
  return terms;
}

/** The analysed subject of a definition question, or undefined when it is not one. */
export function definitionTerms(shape: QuestionShape): Set<string> | undefined {
  if (shape.definitionOf === undefined) return undefined;
  const terms = new Set(analyse(shape.definitionOf));
  return terms.size > 0 ? terms : undefined;
}

/** The passage defines the subject: every word of a term it defines is in the subject, and the
 * term is at least half of the subject ("the boards resource limit" is defined by "resource limit";
 * "the door code for the national support centre" is not defined by "National Support"). */
export function defines(document: SearchDocument, subject: Set<string>): boolean {
  return termsDefinedBy(document).some(
    (term) => term.every((word) => subject.has(word)) && term.length * 2 >= subject.size,
  );
}

export interface Asked {
  shape: QuestionShape;
  /** The analysed subject of a definition question. */
  subject: Set<string> | undefined;
  /** The objective the question names ("the excellent relationships objective"). */
  objective: NamedObjective | undefined;
  /** What "can the Board X us" asks the Board may do (actionTerms). */
  action: string[];
}

export interface NamedObjective {
  objective: number;
  /** Named as an objective ("the finance objective"), not just by a word that names one ("finance"). */
  explicit: boolean;
}

export function preferenceBonus({ document, score }: SearchHit, best: number, asked: Asked): number {
  if (score < best * PREFERENCE_FLOOR) return 0;
  const definition = asked.subject !== undefined && defines(document, asked.subject) ? DEFINITION_BONUS : 0;
  const letter = asked.shape.asksForTheLetter && document.role === "letter" ? LETTER_BONUS : 0;
  const named = asked.objective;
  const objective =
    named === undefined || document.objective !== named.objective
      ? 0
      : named.explicit
        ? NAMED_OBJECTIVE_BONUS
        : OBJECTIVE_WORD_BONUS;
  const terms = termsOf(document);
  const action =
    asked.action.length > 0 && document.role !== "background" && asked.action.every((term) => terms.has(term))
      ? ACTION_BONUS
      : 0;
  const filed = asked.shape.asksWhichObjective && document.objective !== null ? WHICH_OBJECTIVE_BONUS : 0;
  return definition + letter + objective + action + filed;
}
