/** What a person asked for with `/objectives <text>` (or `localism ask`), before anything is looked up. */
export type ObjectivesIntent =
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "objective"; reference: string }
  | { kind: "question"; question: string }
  | { kind: "invalid"; message: string };

export const MAX_QUESTION_LENGTH = 500;

const LIST_WORDS = new Set(["", "list", "all", "objectives", "show"]);
const HELP_WORDS = new Set(["help", "?", "usage", "-h", "--help"]);

/**
 * Numbers and short words ("3", "finance", "objective 2") pick an objective; anything else is a
 * question. `isObjectiveReference` comes from the knowledge base so that its aliases decide.
 */
export function interpretObjectivesText(
  raw: string,
  isObjectiveReference: (text: string) => boolean,
): ObjectivesIntent {
  const text = raw.replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  if (LIST_WORDS.has(lower)) return { kind: "list" };
  if (HELP_WORDS.has(lower)) return { kind: "help" };
  const number = /^(?:objective\s*|no\.?\s*|#)?(\d+)$/.exec(lower);
  if (number) {
    return isObjectiveReference(number[1] ?? "")
      ? { kind: "objective", reference: number[1] ?? "" }
      : {
          kind: "invalid",
          message: `There are four objectives, numbered 1 to 4: try \`/objectives 1\`. \`/objectives\` lists them all.`,
        };
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    return {
      kind: "invalid",
      message: `That question is ${text.length} characters long; please keep it under ${MAX_QUESTION_LENGTH} and ask about one thing at a time.`,
    };
  }
  if (text.split(" ").length <= 3 && isObjectiveReference(lower)) return { kind: "objective", reference: lower };
  return { kind: "question", question: text };
}
