import { stemmer } from "stemmer";

/**
 * How close two questions are, for showing an approved answer to "the same or a close question".
 * Plain word overlap after the small words are dropped and the rest stemmed ("CCGs" = "CCG",
 * "powers" = "power"), scored as Dice's coefficient (0 to 1). Question words are kept and must
 * agree: "when do CCGs get full powers?" is not "why do CCGs get full powers?".
 */

const SMALL_WORDS = new Set(
  (
    "a an the of to in on at for by with from about into and or but if then so as is are was were be been being " +
    "do does did done will would shall should can could may might must has have had having i me my we us our " +
    "you your they them their it its this that these those there here any some please tell know"
  ).split(" "),
);

const QUESTION_WORDS = new Set(["what", "when", "where", "which", "who", "whom", "whose", "why", "how"]);

/** A question's words as compared: lower case, small words dropped, the rest stemmed. */
export function questionTerms(question: string): { words: Set<string>; asking: Set<string> } {
  const tokens =
    question
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .match(/[a-z0-9]+/g) ?? [];
  const asking = new Set(tokens.filter((token) => QUESTION_WORDS.has(token)));
  const words = new Set(
    tokens.filter((token) => !SMALL_WORDS.has(token) && !QUESTION_WORDS.has(token)).map((token) => stemmer(token)),
  );
  return { words, asking };
}

/** 0 (nothing shared) to 1 (the same words): Dice's coefficient of the two questions' terms. */
export function questionCloseness(a: string, b: string): number {
  const first = questionTerms(a);
  const second = questionTerms(b);
  if (first.asking.size > 0 && second.asking.size > 0 && !sameSet(first.asking, second.asking)) return 0;
  const total = first.words.size + second.words.size;
  if (total === 0) return 0;
  let shared = 0;
  for (const word of first.words) if (second.words.has(word)) shared += 1;
  // One shared word is a topic, not the same question.
  if (shared < Math.min(2, first.words.size, second.words.size)) return 0;
  return (2 * shared) / total;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
