import type { KnownBlock } from "@slack/types";
import { Blocks, Elements, Message } from "slack-block-builder";
import { ACTIONS, BLOCKS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import { type AskResult, needsAPerson } from "../../domain/answer";
import type { KnowledgeBase } from "../../domain/knowledge-base";
import { answerMessage } from "./answer";

export interface ThreadAnswerOptions {
  questionId: string;
  /** Knowledge owners are configured: a declined question can be sent to them. */
  policyLeads: boolean;
}

/** "helpful:<id>" / "not_helpful:<id>": the two values of an answer's feedback buttons. */
export function feedbackValue(helpful: boolean, questionId: string): string {
  return `${helpful ? "helpful" : "not_helpful"}:${questionId}`;
}

export function parseFeedbackValue(value: string | undefined): { helpful: boolean; questionId: string } | null {
  const match = /^(helpful|not_helpful):(.+)$/.exec(value ?? "");
  return match?.[2] ? { helpful: match[1] === "helpful", questionId: match[2] } : null;
}

/** Slack's own thumbs up / thumbs down under an answer: Slack draws the pressed state itself. */
export function feedbackButtonsBlock(questionId: string): KnownBlock {
  return {
    type: "context_actions",
    block_id: `${BLOCKS.answerFeedback}_${questionId.slice(0, 8)}`,
    elements: [
      {
        type: "feedback_buttons",
        action_id: ACTIONS.answerFeedbackButtons,
        positive_button: {
          text: { type: "plain_text", text: "Helpful" },
          accessibility_label: "This answer was helpful",
          value: feedbackValue(true, questionId),
        },
        negative_button: {
          text: { type: "plain_text", text: "Not helpful" },
          accessibility_label: "This answer was not helpful",
          value: feedbackValue(false, questionId),
        },
      },
    ],
  };
}

/** The button that sends a question the bot could not answer to the workspace's knowledge owners. */
export function askPolicyLeadBlock(questionId: string): KnownBlock {
  return toSlackMessage(
    Message().blocks(
      Blocks.Actions().elements(
        Elements.Button({ text: "Ask a policy lead", actionId: ACTIONS.askPolicyLead, value: questionId }),
      ),
    ),
  ).blocks[0] as KnownBlock;
}

/** After "Not helpful" on an answer everyone sees: only to the person, a way to ask a policy lead. */
export function policyLeadOffer(questionId: string): SlackMessage {
  const text = "Sorry it didn't help. A policy lead can answer it: they'll reply to you by direct message.";
  return {
    text,
    blocks: [
      ...toSlackMessage(Message({ text }).blocks(Blocks.Section({ text }))).blocks,
      askPolicyLeadBlock(questionId),
    ],
  };
}

/** Adds "Ask a policy lead" to the row of an `/objectives` answer's buttons. */
export function offerPolicyLead(message: SlackMessage, questionId: string): SlackMessage {
  const button = askPolicyLeadBlock(questionId);
  const element = button.type === "actions" ? button.elements[0] : undefined;
  if (!element) return message;
  return {
    ...message,
    blocks: message.blocks.map((block) =>
      block.type === "actions" && block.block_id === BLOCKS.answerFeedback
        ? { ...block, elements: [...block.elements, element] }
        : block,
    ),
  };
}

/**
 * An answer posted where everyone in the conversation sees it (a thread, a direct message, the
 * assistant panel): the same passages, citations and "I don't know" as `/objectives`, with the
 * feedback buttons Slack draws itself in place of "Share in channel" (it is already shared), and,
 * when the bot declines, a way to ask a policy lead.
 */
export function threadAnswerMessage(kb: KnowledgeBase, result: AskResult, options: ThreadAnswerOptions): SlackMessage {
  const answer = answerMessage(kb, result, { questionId: options.questionId });
  const blocks = answer.blocks.filter((block) => block.block_id !== BLOCKS.answerFeedback);
  return {
    text: answer.text,
    blocks: [
      ...blocks,
      ...(needsAPerson(result) && options.policyLeads ? [askPolicyLeadBlock(options.questionId)] : []),
      feedbackButtonsBlock(options.questionId),
    ],
  };
}
