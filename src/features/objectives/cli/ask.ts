import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { AskResult } from "../domain/answer";
import { interpretObjectivesText } from "../domain/intent";

/**
 * `localism ask "question" [--json]`: the same answer Slack gives, from the same code, recorded the
 * same way. `localism ask --json -` reads questions from standard input, one a line, and prints one
 * compact JSON object a line in the same shape, so a script needs one process for many questions.
 */
export async function askCommand(
  core: Core,
  words: string[],
  flags: { json: boolean },
  output: Output,
  input: AsyncIterable<string>,
): Promise<void> {
  if (words.length === 1 && words[0] === "-") {
    await askEachLine(core, flags, output, input);
    return;
  }
  const question = words.join(" ").trim();
  if (!question) throw new UsageError('Give a question: localism ask "will the Board let CCGs decide for themselves?"');
  const problem = invalidQuestion(question);
  if (problem) throw new UsageError(problem);
  const result = await ask(core, question);
  output.out(flags.json ? json(toJson(result)) : toText(result));
}

async function askEachLine(core: Core, flags: { json: boolean }, output: Output, input: AsyncIterable<string>) {
  let first = true;
  for await (const line of input) {
    const question = line.trim();
    if (!question) continue;
    const problem = invalidQuestion(question);
    if (flags.json) {
      const result = problem ? { ...unanswered(question), error: problem } : toJson(await ask(core, question));
      output.out(JSON.stringify(result));
    } else {
      output.out(`${first ? "" : "\n"}Question: ${question}\n${problem ?? toText(await ask(core, question))}`);
    }
    first = false;
  }
}

async function ask(core: Core, question: string): Promise<AskResult> {
  const asked = await core.features.objectives.askService.ask(question, { surface: "cli" });
  await asked.record();
  return asked.result;
}

function invalidQuestion(question: string): string | undefined {
  const intent = interpretObjectivesText(question, () => false);
  return intent.kind === "invalid" ? intent.message : undefined;
}

function unanswered(question: string) {
  return toJson({ question, answered: false, direct: false, answers: [] });
}

/** The stable shape other programs read; extra fields may be added, none removed or renamed. */
export function toJson(result: AskResult) {
  return {
    question: result.question,
    answered: result.answered,
    direct: result.direct,
    answers: result.answers.map((answer) => ({
      objective: answer.objective,
      score: Number(answer.score.toFixed(3)),
      text: answer.text,
      kind: answer.kind,
      speaker: answer.speaker ?? null,
      passageId: answer.passageId,
      source: {
        title: answer.source.title,
        publisher: answer.source.publisher,
        date: answer.source.date,
        url: answer.source.url ?? null,
      },
    })),
  };
}

function toText(result: AskResult): string {
  const lines: string[] = [];
  if (!result.answered) {
    lines.push("I don't know: nothing in the knowledge base answers that closely enough.");
    if (result.answers.length > 0) lines.push("", "Closest passages (may not answer the question):");
  } else if (!result.direct) {
    lines.push("The sources don't answer this directly; the closest passage is:");
  }
  result.answers.forEach((answer, position) => {
    const objective = answer.objective === null ? "background" : `objective ${answer.objective}`;
    if (result.answered && !result.direct && position === 1) lines.push("", "Related passages:");
    lines.push(
      "",
      `[${objective}, score ${answer.score.toFixed(2)}] ${passageText(answer)}`,
      `  Source: ${answer.source.title}, ${answer.source.publisher}, ${answer.source.date}${answer.source.url ? ` <${answer.source.url}>` : ""}`,
    );
  });
  return lines.join("\n").replace(/^\n/, "");
}

/** A quotation in quotation marks with its speaker; anything else is labelled as what it is. */
function passageText(answer: AskResult["answers"][number]): string {
  if (answer.kind === "quotation") return `"${answer.text}"${answer.speaker ? ` (${answer.speaker})` : ""}`;
  const label = answer.kind === "minutes" ? "From the minutes" : "Summary";
  return `${label}: ${answer.text}`;
}
