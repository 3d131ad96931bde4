import { parseSince } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";
import type { QuestionReportRow } from "../storage/questions";

/** `localism questions [--since 7d] [--unanswered] [--json]`: what staff asked, and what the knowledge base could not answer. */
export async function questionsCommand(
  core: Core,
  flags: { since?: string; unanswered: boolean; json: boolean },
  output: Output,
): Promise<void> {
  const from = parseSince(flags.since ?? "7d", core.clock.now());
  const rows = flags.unanswered
    ? await core.features.objectives.questions.unanswered(from)
    : await core.features.objectives.questions.since(from);
  if (flags.json) {
    output.out(json(rows.map(toJson)));
    return;
  }
  if (rows.length === 0) {
    output.out(flags.unanswered ? "No unanswered questions in that period." : "No questions in that period.");
    return;
  }
  output.out(rows.map(toLine).join("\n"));
  output.out(summary(rows));
}

function toJson(row: QuestionReportRow) {
  return {
    askedAt: row.askedAt.toISOString(),
    question: row.question,
    answered: row.answered,
    objective: row.objective,
    surface: row.surface,
    workspace: row.workspaceId,
    user: row.userId,
    channel: row.channelId,
    helpfulVotes: row.helpfulVotes,
    notHelpfulVotes: row.notHelpfulVotes,
  };
}

function toLine(row: QuestionReportRow): string {
  const objective = `objective ${row.objective ?? "background"}`;
  const answer = row.answered ? objective : row.passageId ? `not directly; closest: ${objective}` : "no answer";
  const votes = row.notHelpfulVotes > 0 ? `, ${row.notHelpfulVotes} not helpful` : "";
  const where = row.surface === "cli" ? "cli" : `${row.userId ?? "?"} in ${row.channelId ?? "?"}`;
  return `${row.askedAt.toISOString()}  ${where}  [${answer}${votes}]  ${row.question}`;
}

function summary(rows: QuestionReportRow[]): string {
  const answered = rows.filter((row) => row.answered).length;
  const byObjective = [1, 2, 3, 4]
    .map((n) => `${n}: ${rows.filter((row) => row.answered && row.objective === n).length}`)
    .join(", ");
  return `\n${rows.length} questions, ${answered} answered (by objective ${byObjective}), ${rows.length - answered} without a confident answer.`;
}
