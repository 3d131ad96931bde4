import { stemmer } from "stemmer";
import type { Objective } from "./schema";

const MAX_WORDS = 3;
const NUMBER_WORDS: Record<string, number> = {
  "1": 1,
  one: 1,
  first: 1,
  "1st": 1,
  "2": 2,
  two: 2,
  second: 2,
  "2nd": 2,
  "3": 3,
  three: 3,
  third: 3,
  "3rd": 3,
  "4": 4,
  four: 4,
  fourth: 4,
  "4th": 4,
};
/** Words that only say "an objective": "objective 2", "the finance objective", "obj 3". */
const REFERENCE_WORDS = new Set(["objective", "obj", "strategic", "priority", "number", "no", "the"]);

/**
 * Picks an objective from a short reference: a number ("3", "objective 2", "third objective"), an
 * alias ("finance", "relationships"), the slug or the title. Anything longer than three words, or
 * not an exact reference, is a question and returns undefined.
 */
export function createObjectiveFinder(objectives: Objective[]): (text: string) => Objective | undefined {
  const byKey = new Map<string, Objective>();
  for (const objective of objectives) {
    const names = [...objective.aliases, objective.slug.replace(/-/g, " "), objective.title];
    for (const name of names) byKey.set(referenceKey(words(name)), objective);
  }
  return (text) => {
    const inputWords = words(text);
    if (inputWords.length === 0 || inputWords.length > MAX_WORDS) return undefined;
    const meaningful = inputWords.filter((word) => !REFERENCE_WORDS.has(word));
    const [only] = meaningful;
    if (meaningful.length === 1 && only !== undefined && only in NUMBER_WORDS) {
      return objectives.find((objective) => objective.number === NUMBER_WORDS[only]);
    }
    return (
      byKey.get(referenceKey(inputWords)) ?? (meaningful.length > 0 ? byKey.get(referenceKey(meaningful)) : undefined)
    );
  };
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Stemmed so that "relationship" finds the alias "relationships". */
function referenceKey(wordList: string[]): string {
  return wordList.map((word) => stemmer(word)).join(" ");
}
