import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Config } from "../../../config";
import { createObjectivesAssistant, passageDocuments } from "../domain/answer";
import { createBaselineAnswerer } from "../domain/baseline";
import {
  type CategoryResult,
  compareWithBaseline,
  type Evaluation,
  evaluate,
  type Failure,
  parseQuestionFile,
  QuestionFileError,
  shareRight,
} from "../domain/evaluation";
import { loadKnowledgeBase } from "../domain/knowledge-base";

/**
 * `localism eval <file> [--json]`: asks every labelled question of a question file (the format of
 * test/fixtures/questions/) against the knowledge base, and the same questions of plain BM25 over
 * the same passages, and reports per category what each got right, declined wrongly and answered
 * wrongly, with the bot's failing questions. Published minutes are left out: the figures depend on
 * the knowledge base alone.
 */
export async function evalCommand(config: Config, args: string[], flags: { json: boolean }, output: Output) {
  const [file] = args;
  if (!file || args.length > 1) throw new UsageError("Give one question file: localism eval questions.yaml [--json]");
  const questions = await readQuestions(file);
  const kb = loadKnowledgeBase(config.knowledgeDir);
  const assistant = createObjectivesAssistant(kb);
  const started = performance.now();
  const bot = evaluate((question) => assistant.ask(question), questions);
  const msPerQuestion = (performance.now() - started) / questions.length;
  // The first pass includes the process warming up; the second is what a running bot spends.
  const again = performance.now();
  for (const question of questions) assistant.ask(question.q);
  const msPerQuestionWarm = (performance.now() - again) / questions.length;
  const baseline = evaluate(createBaselineAnswerer(passageDocuments(kb)), questions);
  const comparison = compareWithBaseline(bot, baseline);
  const beatsBaseline = comparison.every((entry) => entry.beats);
  if (flags.json) {
    output.out(
      json({
        file,
        questions: questions.length,
        msPerQuestion: Number(msPerQuestion.toFixed(3)),
        msPerQuestionWarm: Number(msPerQuestionWarm.toFixed(3)),
        bot,
        baseline,
        comparison,
        beatsBaseline,
      }),
    );
    return;
  }
  output.out(toText(file, bot, baseline, beatsBaseline, [msPerQuestion, msPerQuestionWarm]));
}

async function readQuestions(file: string) {
  let content: string;
  try {
    content = await readFile(path.resolve(file), "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return parseQuestionFile(content);
  } catch (error) {
    if (error instanceof QuestionFileError) throw new UsageError(`${file}:\n${error.message}`);
    throw error;
  }
}

const HEADINGS = ["category", "questions", "right", "declined wrongly", "answered wrongly"];

function toText(
  file: string,
  bot: Evaluation,
  baseline: Evaluation,
  beatsBaseline: boolean,
  [cold, warm]: [number, number],
): string {
  const lines = [
    `${file}: ${bot.questions} questions, ${bot.right} answered right (${percent(bot.right / bot.questions)}); ` +
      `${cold.toFixed(2)} ms a question, ${warm.toFixed(2)} ms asked again`,
    "",
    "localism-bot",
    ...table(bot.categories),
    "",
    "Plain BM25 over the same passages (no synonyms, no threshold: it answers with its top hit)",
    ...table(baseline.categories),
    "",
    beatsBaseline
      ? "The bot beats plain BM25 in every category."
      : `The bot does not beat plain BM25 in: ${compareWithBaseline(bot, baseline)
          .filter((entry) => !entry.beats)
          .map((entry) => entry.category)
          .join(", ")}.`,
  ];
  const failures = bot.categories.flatMap((category) => category.failures);
  if (failures.length > 0) lines.push("", `Failing questions (${failures.length}):`, ...failures.map(describeFailure));
  return lines.join("\n");
}

function table(categories: CategoryResult[]): string[] {
  const rows = categories.map((result) => [
    result.category,
    String(result.questions),
    `${result.right} (${percent(shareRight(result))})`,
    String(result.declinedWrongly),
    String(result.answeredWrongly),
  ]);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")}`;
  return [format(HEADINGS), ...rows.map(format)];
}

function describeFailure(failure: Failure): string {
  const got =
    failure.answers.length === 0
      ? "nothing"
      : failure.answers
          .map(
            (answer) =>
              `${answer.objective === null ? "background" : `objective ${answer.objective}`} ${answer.passageId} ${answer.score.toFixed(2)}`,
          )
          .join("; ");
  const outcome = failure.outcome === "declined-wrongly" ? "declined wrongly" : "answered wrongly";
  return `  [${failure.category}, ${outcome}] ${failure.q}\n      expected ${failure.expected}; ${failure.answered ? "answered" : "declined"} with ${got}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
