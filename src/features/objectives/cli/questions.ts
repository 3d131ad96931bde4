import { parseSince } from "../../../cli/duration";
import { json, type Output } from "../../../cli/output";
import { chooseWorkspace } from "../../../cli/workspace";
import type { Core } from "../../../core";
import { FEEDBACK_REASONS, type FeedbackReason } from "../domain/feedback-reasons";
import type { QuestionReportRow } from "../storage/questions";

/**
 * `localism questions [--since 7d] [--unanswered] [--workspace T…] [--json]`: what staff of one
 * workspace asked, and what the knowledge base could not answer.
 */
export async function questionsCommand(
  core: Core,
  flags: { since?: string; unanswered: boolean; json: boolean; workspace?: string },
  output: Output,
): Promise<void> {
  const from = parseSince(flags.since ?? "7d", core.clock.now());
  const workspace = (await chooseWorkspace(core, flags.workspace)) ?? undefined;
  const rows = flags.unanswered
    ? await core.features.objectives.questions.unanswered(from, workspace)
    : await core.features.objectives.questions.since(from, workspace);
  const reasons = reasonsByQuestion(
    await core.features.objectives.feedbackReasons.forQuestions(
      rows.filter((row) => row.notHelpfulVotes > 0).map((row) => row.id),
    ),
  );
  if (flags.json) {
    output.out(json(rows.map((row) => ({ ...toJson(row), reasons: (reasons.get(row.id) ?? []).map(reasonJson) }))));
    return;
  }
  if (rows.length === 0) {
    output.out(flags.unanswered ? "No unanswered questions in that period." : "No questions in that period.");
    return;
  }
  output.out(rows.map((row) => [toLine(row), ...(reasons.get(row.id) ?? []).map(reasonLine)].join("\n")).join("\n"));
  output.out(summary(rows));
}

function reasonsByQuestion(reasons: FeedbackReason[]): Map<string, FeedbackReason[]> {
  const byQuestion = new Map<string, FeedbackReason[]>();
  for (const reason of reasons)
    byQuestion.set(reason.questionId, [...(byQuestion.get(reason.questionId) ?? []), reason]);
  return byQuestion;
}

/** Why someone found the answer not helpful, as they said it in the "Not helpful" modal. */
function reasonJson(reason: FeedbackReason) {
  return { reason: reason.reason, note: reason.note, user: reason.userId, givenAt: reason.givenAt.toISOString() };
}

function reasonLine(reason: FeedbackReason): string {
  const why = reason.reason ? FEEDBACK_REASONS[reason.reason] : "Not helpful";
  return `    why (${reason.userId}): ${why}${reason.note ? `: "${reason.note.replace(/\s+/g, " ")}"` : ""}`;
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
