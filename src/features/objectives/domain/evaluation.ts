import { parseDocument } from "yaml";
import { z } from "zod";
import type { AskResult } from "./answer";

/**
 * Scoring an answerer against labelled questions (`localism eval`, and the test that holds the
 * evaluation set at its goal). The question file's format is described in
 * test/fixtures/questions/README.md:
 *
 * - `objective`: right when the question is answered and the first passage belongs to one of the
 *   accepted objectives. A background passage (objective null) first is wrong: the question is
 *   about an objective, and the answer should say which.
 * - `fact`: right when the question is answered and one of the fact's phrases appears, ignoring
 *   case, in one of the first three passages.
 * - `off-topic`, `near-miss`: right when the question is declined (`answered: false`), whatever
 *   weak matches come with it.
 */
export const QUESTION_CATEGORIES = ["objective", "fact", "off-topic", "near-miss"] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

const text = z.string().trim().min(1, "must not be empty");
const objectiveNumber = z.number().int().min(1, "must be 1 to 4").max(4, "must be 1 to 4");

const questionSchema = z.discriminatedUnion("category", [
  z.strictObject({ q: text, category: z.literal("objective"), objectives: z.array(objectiveNumber).min(1) }),
  z.strictObject({ q: text, category: z.literal("fact"), fact: z.union([text, z.array(text).min(1)]) }),
  z.strictObject({ q: text, category: z.literal("off-topic"), decline: z.literal(true) }),
  z.strictObject({ q: text, category: z.literal("near-miss"), decline: z.literal(true) }),
]);
const questionFileSchema = z.strictObject({ questions: z.array(questionSchema).min(1, "holds no question") });

export type LabelledQuestion =
  | { q: string; category: "objective"; objectives: number[] }
  | { q: string; category: "fact"; fact: string[] }
  | { q: string; category: "off-topic" | "near-miss" };

export class QuestionFileError extends Error {
  override name = "QuestionFileError";
}

/** Reads a question file's text; every problem is reported at once, with where it is. */
export function parseQuestionFile(content: string): LabelledQuestion[] {
  const document = parseDocument(content);
  const syntaxError = document.errors[0];
  if (syntaxError) throw new QuestionFileError(`YAML syntax error: ${syntaxError.message.split("\n")[0]}`);
  const parsed = questionFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new QuestionFileError(problems.join("\n"));
  }
  return parsed.data.questions.map((question) => {
    switch (question.category) {
      case "objective":
        return { q: question.q, category: question.category, objectives: question.objectives };
      case "fact":
        return { q: question.q, category: question.category, fact: [question.fact].flat() };
      default:
        return { q: question.q, category: question.category };
    }
  });
}

export type Outcome = "right" | "declined-wrongly" | "answered-wrongly";

const FACT_DEPTH = 3;

export function judge(question: LabelledQuestion, result: AskResult): Outcome {
  switch (question.category) {
    case "objective": {
      if (!result.answered) return "declined-wrongly";
      const first = result.answers[0]?.objective;
      return first != null && question.objectives.includes(first) ? "right" : "answered-wrongly";
    }
    case "fact": {
      if (!result.answered) return "declined-wrongly";
      const shown = result.answers.slice(0, FACT_DEPTH).map((answer) => answer.text.toLowerCase());
      const found = question.fact.some((phrase) => shown.some((passage) => passage.includes(phrase.toLowerCase())));
      return found ? "right" : "answered-wrongly";
    }
    default:
      return result.answered ? "answered-wrongly" : "right";
  }
}

export interface Failure {
  q: string;
  category: QuestionCategory;
  outcome: Exclude<Outcome, "right">;
  /** What would have been right: "objective 1 or 4", "fact: 23 April", "decline". */
  expected: string;
  answered: boolean;
  /** What came back, best first: objective (null for background), passage id and score. */
  answers: { objective: number | null; passageId: string; score: number }[];
}

export interface CategoryResult {
  category: QuestionCategory;
  questions: number;
  right: number;
  declinedWrongly: number;
  answeredWrongly: number;
  failures: Failure[];
}

export interface Evaluation {
  questions: number;
  right: number;
  categories: CategoryResult[];
}

/** Asks every question and counts, per category, the answers right, declined wrongly and answered wrongly. */
export function evaluate(answer: (question: string) => AskResult, questions: LabelledQuestion[]): Evaluation {
  const categories = QUESTION_CATEGORIES.map(
    (category): CategoryResult => ({
      category,
      questions: 0,
      right: 0,
      declinedWrongly: 0,
      answeredWrongly: 0,
      failures: [],
    }),
  );
  for (const question of questions) {
    const result = answer(question.q);
    const outcome = judge(question, result);
    const tally = categories.find((entry) => entry.category === question.category);
    if (!tally) continue;
    tally.questions += 1;
    if (outcome === "right") tally.right += 1;
    else {
      if (outcome === "declined-wrongly") tally.declinedWrongly += 1;
      else tally.answeredWrongly += 1;
      tally.failures.push({
        q: question.q,
        category: question.category,
        outcome,
        expected: expectation(question),
        answered: result.answered,
        answers: result.answers.map((shown) => ({
          objective: shown.objective,
          passageId: shown.passageId,
          score: Number(shown.score.toFixed(3)),
        })),
      });
    }
  }
  const present = categories.filter((entry) => entry.questions > 0);
  return {
    questions: questions.length,
    right: present.reduce((sum, entry) => sum + entry.right, 0),
    categories: present,
  };
}

/** The share right in a category, 0..1 (1 for a category with no questions). */
export function shareRight(result: Pick<CategoryResult, "questions" | "right">): number {
  return result.questions === 0 ? 1 : result.right / result.questions;
}

function expectation(question: LabelledQuestion): string {
  switch (question.category) {
    case "objective":
      return `objective ${question.objectives.join(" or ")}`;
    case "fact":
      return `fact: ${question.fact.map((phrase) => `"${phrase}"`).join(" or ")}`;
    default:
      return "decline";
  }
}

export interface CategoryComparison {
  category: QuestionCategory;
  questions: number;
  bot: number;
  baseline: number;
  /** The bot got strictly more right than the baseline. */
  beats: boolean;
}

/** Per category, the bot's right answers against the baseline's, from two evaluations of the same questions. */
export function compareWithBaseline(bot: Evaluation, baseline: Evaluation): CategoryComparison[] {
  return bot.categories.map((result) => {
    const other = baseline.categories.find((entry) => entry.category === result.category);
    const baselineRight = other?.right ?? 0;
    return {
      category: result.category,
      questions: result.questions,
      bot: result.right,
      baseline: baselineRight,
      beats: result.right > baselineRight,
    };
  });
}
