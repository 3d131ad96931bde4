import { UsageError } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { AskResult } from "../domain/answer";
import { interpretObjectivesText } from "../domain/intent";

/** `localism ask "question" [--json]`: the same answer Slack gives, from the same code, recorded the same way. */
export async function askCommand(core: Core, words: string[], flags: { json: boolean }, output: Output): Promise<void> {
  const question = words.join(" ").trim();
  if (!question) throw new UsageError('Give a question: localism ask "can the Board overrule our CCG?"');
  const intent = interpretObjectivesText(question, () => false);
  if (intent.kind === "invalid") throw new UsageError(intent.message);
  const asked = core.features.objectives.askService.ask(question, { surface: "cli" });
  await asked.record();
  output.out(flags.json ? json(toJson(asked.result)) : toText(asked.result));
}

/** The stable shape other programs read; extra fields may be added, none removed or renamed. */
export function toJson(result: AskResult) {
  return {
    question: result.question,
    answered: result.answered,
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
  const lines = result.answered ? [] : ["I don't know: nothing in the knowledge base answers that closely enough."];
  if (!result.answered && result.answers.length > 0) lines.push("", "Closest passages (may not answer the question):");
  for (const answer of result.answers) {
    const objective = answer.objective === null ? "background" : `objective ${answer.objective}`;
    const quoted =
      answer.kind === "quotation" ? `"${answer.text}"${answer.speaker ? ` (${answer.speaker})` : ""}` : answer.text;
    lines.push(
      "",
      `[${objective}, score ${answer.score.toFixed(2)}] ${quoted}`,
      `  Source: ${answer.source.title}, ${answer.source.publisher}, ${answer.source.date}${answer.source.url ? ` <${answer.source.url}>` : ""}`,
    );
  }
  return lines.join("\n");
}
