import type { ModalView } from "@slack/types";
import { Bits, Blocks, Elements, Md, Message, Modal } from "slack-block-builder";
import { escapeMrkdwn, formatSourceDate, truncate } from "../../../../slack/format";
import { ACTIONS, ANSWER_INPUTS, VIEWS } from "../../../../slack/ids";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import type { ApprovedAnswer, PolicyQuestion } from "../../domain/approved-answers";
import { approvedAnswerBlocks, approvedMark, dayOf } from "./approved-answer";

const ANONYMOUS = "anonymous";

function quoted(question: string): string {
  return Md.blockquote(truncate(escapeMrkdwn(question), 2500));
}

/** "Ask a policy lead": the question, and whether to say who asked. */
export function askPolicyLeadModal(question: string, ownersLabel: string, metadata: string): ModalView {
  const anonymous = Bits.Option({
    text: "Don't tell them it was me",
    value: ANONYMOUS,
    description: "They see only the question; the bot still sends you the answer.",
  });
  return Modal({
    title: "Ask a policy lead",
    submit: "Send",
    close: "Cancel",
    callbackId: VIEWS.askPolicyLead,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({ text: `${Md.bold("Your question")}\n${quoted(question)}` }),
      Blocks.Section({
        text: `It goes to the policy leads (${ownersLabel}). When one of them answers, you get the answer by direct message, and anyone who asks the same thing later sees it first.`,
      }),
      Blocks.Input({ label: "Who asked", blockId: ANSWER_INPUTS.anonymous.block })
        .optional(true)
        .element(Elements.Checkboxes({ actionId: ANSWER_INPUTS.anonymous.action }).options(anonymous)),
    )
    .buildToObject() as ModalView;
}

/** Reads the "Don't tell them it was me" box. */
export function choseAnonymous(selected: { value: string }[] | null | undefined): boolean {
  return (selected ?? []).some((option) => option.value === ANONYMOUS);
}

/** A modal that only says something (what happened after a submission). */
export function noticeModal(title: string, text: string): ModalView {
  return Modal({ title, close: "Done" }).blocks(Blocks.Section({ text })).buildToObject() as ModalView;
}

export function requestSentModal(ownersLabel: string): ModalView {
  return noticeModal(
    "Sent",
    `Sent to the policy leads (${ownersLabel}). You'll get their answer by direct message from localism-bot.`,
  );
}

/** The workspace's admins chose nobody after the person opened the form: nothing is sent or kept. */
export function noPolicyLeadsModal(): ModalView {
  return noticeModal(
    "Not sent",
    "This workspace has no policy leads to ask any more, so your question was not sent and nothing was kept. A workspace admin can choose policy leads in Settings on localism-bot's Home tab.",
  );
}

export function alreadySentText(request: PolicyQuestion): string {
  return request.answeredAt
    ? `A policy lead already answered this question on ${dayOf(request.answeredAt)}: ask it again to see the approved answer.`
    : `This question was already sent to the policy leads on ${dayOf(request.askedAt)}. Whoever asked gets the answer by direct message.`;
}

/** The card the owners get: the question, who asked (if they said), and Answer (or Revise, once answered). */
export function ownerQuestionCard(request: PolicyQuestion, answer: ApprovedAnswer | null, today: string): SlackMessage {
  const asker = request.named
    ? `Asked by ${Md.user(request.askerId)}${request.channelId?.startsWith("C") ? ` in ${Md.channel(request.channelId)}` : ""}`
    : "Asked by someone who chose not to say";
  const button = answer
    ? Elements.Button({ text: "Revise", actionId: ACTIONS.reviseApprovedAnswer, value: answer.id })
    : Elements.Button({ text: "Answer", actionId: ACTIONS.answerPolicyQuestion, value: request.id }).primary(true);
  const message = Message({
    text: truncate(`Question for a policy lead: ${escapeMrkdwn(request.question)}`, 3000),
  }).blocks(
    Blocks.Section({ text: `${Md.bold("Question for a policy lead")}\n${quoted(request.question)}` }),
    Blocks.Context().elements(`${asker} · ${dayOf(request.askedAt)} · the knowledge base could not answer it well`),
    ...(answer ? [] : [Blocks.Actions().elements(button)]),
  );
  const built = toSlackMessage(message);
  if (!answer) return built;
  return {
    text: built.text,
    blocks: [
      ...built.blocks,
      ...approvedAnswerBlocks(answer, today),
      ...toSlackMessage(Message().blocks(Blocks.Actions().elements(button))).blocks,
    ],
  };
}

export interface ApprovalDraft {
  question: string;
  text?: string;
  source?: string | null;
  reviewBy: string;
}

/** An owner writes (or revises) the approved answer: its text, a source, and when to review it. */
export function approveAnswerModal(draft: ApprovalDraft, metadata: string): ModalView {
  return Modal({
    title: draft.text ? "Revise the answer" : "Approve an answer",
    submit: "Approve",
    close: "Cancel",
    callbackId: VIEWS.approveAnswer,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({ text: `${Md.bold("The question")}\n${quoted(draft.question)}` }),
      Blocks.Input({ label: "Your answer", blockId: ANSWER_INPUTS.approvedText.block }).element(
        Elements.TextInput({
          actionId: ANSWER_INPUTS.approvedText.action,
          multiline: true,
          maxLength: 3000,
          initialValue: draft.text,
        }),
      ),
      Blocks.Input({
        label: "Source",
        blockId: ANSWER_INPUTS.approvedSource.block,
        hint: "A letter, guidance or web address people can check.",
      })
        .optional(true)
        .element(
          Elements.TextInput({
            actionId: ANSWER_INPUTS.approvedSource.action,
            maxLength: 500,
            initialValue: draft.source ?? undefined,
          }),
        ),
      Blocks.Input({
        label: "Review by",
        blockId: ANSWER_INPUTS.reviewBy.block,
        hint: "The policy leads are reminded on this day to check it still holds.",
      }).element(
        Elements.DatePicker({
          actionId: ANSWER_INPUTS.reviewBy.action,
          initialDate: new Date(`${draft.reviewBy}T12:00:00Z`),
        }),
      ),
      Blocks.Context().elements(
        "Shown first, marked “Approved answer by you, today's date”, to anyone who asks this or a close question.",
      ),
    )
    .buildToObject() as ModalView;
}

export function approvedModal(answer: ApprovedAnswer): ModalView {
  return noticeModal(
    "Approved",
    `${approvedMark(answer)}. It is shown first to anyone asking this or a close question, until ${formatSourceDate(answer.reviewBy)}, when you'll be reminded to review it.`,
  );
}

/** The asker is told, by DM. */
export function answeredDirectMessage(request: PolicyQuestion, answer: ApprovedAnswer, today: string): SlackMessage {
  const message = toSlackMessage(
    Message({ text: truncate(`A policy lead answered your question: ${escapeMrkdwn(answer.answer)}`, 3000) }).blocks(
      Blocks.Section({ text: `${Md.bold("A policy lead answered your question")}\n${quoted(request.question)}` }),
    ),
  );
  return { text: message.text, blocks: [...message.blocks, ...approvedAnswerBlocks(answer, today)] };
}

/** Reminds the owners that an approved answer's review date has come: revise it (a new date) or withdraw it. */
export function reviewReminder(answer: ApprovedAnswer, today: string): SlackMessage {
  const message = toSlackMessage(
    Message({
      text: truncate(
        `Review due: the approved answer to "${escapeMrkdwn(answer.question)}" (review by ${formatSourceDate(answer.reviewBy)})`,
        3000,
      ),
    }).blocks(
      Blocks.Section({
        text: `${Md.bold("An approved answer is due for review")}\nIts review date, ${formatSourceDate(answer.reviewBy)}, has come. Check it still holds: revise it (with a new review date) or withdraw it.`,
      }),
      Blocks.Section({ text: `${Md.bold("The question")}\n${quoted(answer.question)}` }),
    ),
  );
  const buttons = toSlackMessage(
    Message().blocks(
      Blocks.Actions().elements(
        Elements.Button({ text: "Revise", actionId: ACTIONS.reviseApprovedAnswer, value: answer.id }).primary(true),
        Elements.Button({ text: "Withdraw", actionId: ACTIONS.withdrawApprovedAnswer, value: answer.id })
          .danger(true)
          .confirm(
            Bits.ConfirmationDialog({
              title: "Withdraw this answer?",
              text: "It will no longer be shown to anyone. The question can be asked of a policy lead again.",
              confirm: "Withdraw",
              deny: "Keep it",
            }).danger(true),
          ),
      ),
    ),
  );
  return { text: message.text, blocks: [...message.blocks, ...approvedAnswerBlocks(answer, today), ...buttons.blocks] };
}

export function withdrawnMessage(answer: ApprovedAnswer, by: string, when: Date): SlackMessage {
  return toSlackMessage(
    Message({ text: `Withdrawn: the approved answer to "${escapeMrkdwn(answer.question)}"` }).blocks(
      Blocks.Section({ text: `${Md.bold("Withdrawn")} by ${Md.user(by)}, ${dayOf(when)}\n${quoted(answer.question)}` }),
      Blocks.Context().elements("It is no longer shown. The question can be asked of a policy lead again."),
    ),
  );
}
