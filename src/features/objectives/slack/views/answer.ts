import { Blocks, Elements, Md, Message } from "slack-block-builder";
import { citation, escapeMrkdwn, plainCitation, truncate } from "../../../../slack/format";
import { ACTIONS, BLOCKS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { Answer, AskResult } from "../../domain/answer";
import type { KnowledgeBase } from "../../domain/knowledge-base";
import { DATED_NOTE } from "./objectives";

export type Feedback = "helpful" | "not_helpful";

/** Said before the closest passage when the best match is background or loose. */
export const NOT_DIRECT = "The sources don't answer this directly; the closest passage is:";

export interface AnswerViewOptions {
  questionId: string;
  /** Set when the answer has been reposted to the channel by this user. */
  sharedBy?: string;
  /** Set once the person has voted, to thank them in place of the buttons. */
  feedback?: Feedback;
}

function objectiveLabel(kb: KnowledgeBase, objective: number | null): string {
  if (objective === null) return "Background";
  const found = kb.objectives.find((candidate) => candidate.number === objective);
  return found ? `Objective ${found.number}: ${found.title}` : `Objective ${objective}`;
}

/**
 * Quotations and the minutes' own words are drawn in a quote block, a quotation with its speaker;
 * the knowledge base's summaries are the bot's own sentences, so they are plain text labelled as a
 * summary of their source and never drawn as a quote.
 */
export function passageText(answer: Answer): string {
  const text = escapeMrkdwn(answer.text);
  if (answer.kind === "quotation") {
    return `${Md.blockquote(`“${text}”`)}${answer.speaker ? `\n— ${escapeMrkdwn(answer.speaker)}` : ""}`;
  }
  if (answer.kind === "minutes") {
    return `${Md.blockquote(text)}\n_From the minutes: ${escapeMrkdwn(answer.source.title)}_`;
  }
  return `${Md.italic(`Summary of ${escapeMrkdwn(answer.source.title)}`)}\n${text}`;
}

function answerBlocks(kb: KnowledgeBase, answers: Answer[]) {
  return answers.flatMap((answer) => [
    Blocks.Section({ text: truncate(passageText(answer), 3000) }),
    Blocks.Context().elements(
      truncate(`${escapeMrkdwn(objectiveLabel(kb, answer.objective))} · Source: ${citation(answer.source)}`, 3000),
    ),
  ]);
}

function feedbackBlock(options: AnswerViewOptions) {
  if (options.sharedBy)
    return Blocks.Context().elements(`Shared by ${Md.user(options.sharedBy)} · Ask your own with \`/objectives\``);
  const share = Elements.Button({ text: "Share in channel", actionId: ACTIONS.shareAnswer, value: options.questionId });
  if (options.feedback) return Blocks.Actions({ blockId: BLOCKS.answerFeedback }).elements(share);
  return Blocks.Actions({ blockId: BLOCKS.answerFeedback }).elements(
    share,
    Elements.Button({ text: "Helpful", actionId: ACTIONS.answerHelpful, value: options.questionId }),
    Elements.Button({ text: "Not helpful", actionId: ACTIONS.answerNotHelpful, value: options.questionId }),
  );
}

/** An answer to a question: the quoted passages with their sources, or an honest "I don't know". */
export function answerMessage(kb: KnowledgeBase, result: AskResult, options: AnswerViewOptions): SlackMessage {
  const question = Blocks.Section({ text: truncate(`${Md.bold("Question:")} ${escapeMrkdwn(result.question)}`, 3000) });
  const feedbackNote = options.feedback
    ? [
        Blocks.Context().elements(
          options.feedback === "helpful"
            ? "You found this helpful. Thank you."
            : "You found this not helpful. Thank you: it helps whoever keeps the knowledge base.",
        ),
      ]
    : [];
  if (result.answered) {
    const best = result.answers[0];
    const text = escapeMrkdwn(best ? `${best.text} (${plainCitation(best.source)})` : result.question);
    const closest = result.direct ? [] : [Blocks.Section({ text: Md.bold(NOT_DIRECT) })];
    return toSlackMessage(
      Message({ text: truncate(result.direct ? text : `${NOT_DIRECT} ${text}`, 3000) }).blocks(
        question,
        ...closest,
        ...answerBlocks(kb, result.answers),
        Blocks.Context().elements(DATED_NOTE),
        ...feedbackNote,
        feedbackBlock(options),
      ),
    );
  }
  const weak =
    result.answers.length > 0
      ? [
          Blocks.Section({ text: Md.bold("The closest passages, which may not answer your question:") }),
          ...answerBlocks(kb, result.answers),
        ]
      : [];
  const list = kb.objectives.map((objective) => `${objective.number}. ${escapeMrkdwn(objective.title)}`).join("\n");
  return toSlackMessage(
    Message({
      text: "I don't know: nothing in the knowledge base or the published minutes answers that closely enough.",
    }).blocks(
      question,
      Blocks.Section({
        text: "*I don't know.* Nothing in the knowledge base or the published minutes answers that closely enough, and I won't guess. Your question has been noted for whoever keeps the knowledge base.",
      }),
      ...weak,
      Blocks.Section({
        text: `${Md.bold("The four objectives")}\n${list}\nTry \`/objectives 1\` to read one in full.`,
      }),
      ...feedbackNote,
      feedbackBlock(options),
    ),
  );
}
