import { tz } from "@date-fns/tz";
import type { KnownBlock } from "@slack/types";
import { format } from "date-fns";
import { type BlockBuilder, Blocks, Md, Message } from "slack-block-builder";
import { escapeMrkdwn, formatSourceDate, truncate } from "../../../../slack/format";
import { BLOCKS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { AskResult } from "../../domain/answer";
import type { ApprovedAnswer } from "../../domain/approved-answers";

/** "26 November 2026", in England. */
export function dayOf(date: Date): string {
  return format(date, "d MMMM yyyy", { in: tz("Europe/London") });
}

/** "Approved answer by <@U…>, 26 November 2026": how an approved answer is marked wherever it is shown. */
export function approvedMark(answer: ApprovedAnswer): string {
  return `Approved answer by ${Md.user(answer.authorId)}, ${dayOf(answer.approvedAt)}`;
}

/** The approved answer itself: marked, quoted, with its source and review date. */
export function approvedAnswerBlocks(answer: ApprovedAnswer, today: string): KnownBlock[] {
  const overdue = answer.reviewBy <= today;
  const review = overdue
    ? `Due for review since ${formatSourceDate(answer.reviewBy)}`
    : `Review by ${formatSourceDate(answer.reviewBy)}`;
  const source = answer.source ? `Source: ${escapeMrkdwn(answer.source)} · ` : "";
  return toSlackMessage(
    Message().blocks(
      Blocks.Section({
        text: truncate(`${Md.bold(approvedMark(answer))}\n${Md.blockquote(escapeMrkdwn(answer.answer))}`, 3000),
      }),
      Blocks.Context().elements(truncate(`${source}${review} · Approved by the workspace's policy leads`, 3000)),
    ),
  ).blocks;
}

/** Plain text for notifications and screen readers. */
export function approvedAnswerText(answer: ApprovedAnswer): string {
  return truncate(`Approved answer by ${answer.authorName}, ${dayOf(answer.approvedAt)}: ${answer.answer}`, 3000);
}

function built(...blocks: BlockBuilder[]): KnownBlock[] {
  return toSlackMessage(Message().blocks(...blocks)).blocks;
}

const QUESTION_LINE = /^\*Question:\*/;

function isQuestionLine(block: KnownBlock): boolean {
  return block.type === "section" && QUESTION_LINE.test(block.text?.text ?? "");
}

/**
 * An approved answer shown first, above what the knowledge base says: the question, the approved
 * answer, then the knowledge base's passages when it had a confident answer (its "I don't know" is
 * left out: the approved answer is the answer), and the answer's own buttons last.
 */
export function withApprovedAnswerFirst(
  answer: SlackMessage,
  result: AskResult,
  approved: ApprovedAnswer,
  today: string,
  feedbackBlocks: (block: KnownBlock) => boolean,
): SlackMessage {
  const question = answer.blocks.filter(isQuestionLine);
  const rest = answer.blocks.filter((block) => !isQuestionLine(block));
  const fromKnowledgeBase = result.answered
    ? [
        ...built(Blocks.Divider(), Blocks.Context().elements(Md.bold("From the knowledge base"))),
        ...rest.filter((block) => !feedbackBlocks(block)),
      ]
    : [];
  return {
    text: approvedAnswerText(approved),
    blocks: [
      ...(question.length > 0
        ? question
        : built(Blocks.Section({ text: truncate(`${Md.bold("Question:")} ${escapeMrkdwn(result.question)}`, 3000) }))),
      ...approvedAnswerBlocks(approved, today),
      ...fromKnowledgeBase,
      ...rest.filter(feedbackBlocks),
    ],
  };
}

/** The answer's own buttons (Share / Helpful / Not helpful, or the feedback buttons), kept last. */
export function isAnswerButtons(block: KnownBlock): boolean {
  return (
    (block.type === "actions" || block.type === "context_actions") &&
    (block.block_id ?? "").startsWith(BLOCKS.answerFeedback)
  );
}
