import type { SlackMessage } from "../../../slack/message";
import { type AskResult, needsAPerson } from "../domain/answer";
import { londonDay } from "../domain/approved-answers";
import type { ObjectivesSlackDeps } from "./deps";
import { answerMessage, type Feedback } from "./views/answer";
import { isAnswerButtons, withApprovedAnswerFirst } from "./views/approved-answer";
import { markShared } from "./views/shared-answer";
import { offerPolicyLead, threadAnswerMessage } from "./views/thread-answer";

export interface CommandAnswerState {
  /** The person's vote, thanked in place. */
  feedback?: Feedback;
  /** The copy posted in the channel by this person. */
  sharedBy?: string;
  /** Already shared: the button reads "Shared". */
  shared?: boolean;
}

/**
 * An `/objectives` answer as its asker sees it, drawn the same way wherever it is drawn again (a
 * vote, a share): an approved answer first if there is one, "Ask a policy lead" when the bot could
 * not answer or the answer did not help, and "Shared" once shared.
 */
export async function commandAnswer(
  deps: ObjectivesSlackDeps,
  asked: { questionId: string; workspaceId: string | null; result: AskResult },
  state: CommandAnswerState = {},
): Promise<SlackMessage> {
  const { questionId, result } = asked;
  const approved = await deps.leads.closest(asked.workspaceId, result.question);
  let message = answerMessage(deps.kb, result, {
    questionId,
    ...(state.feedback ? { feedback: state.feedback } : {}),
    ...(state.sharedBy ? { sharedBy: state.sharedBy } : {}),
  });
  if (!state.sharedBy) {
    const declined = needsAPerson(result) && !approved;
    if (
      (declined || state.feedback === "not_helpful") &&
      (await deps.owners.forWorkspace(asked.workspaceId)).configured
    )
      message = offerPolicyLead(message, questionId);
    if (state.shared) message = markShared(message);
  }
  if (!approved) return message;
  return withApprovedAnswerFirst(message, result, approved, londonDay(deps.clock.now()), isAnswerButtons);
}

/** An answer in a thread, a DM or the assistant panel, with an approved answer first if there is one. */
export async function conversationAnswer(
  deps: ObjectivesSlackDeps,
  asked: { questionId: string; workspaceId: string | null; result: AskResult },
): Promise<SlackMessage> {
  const message = threadAnswerMessage(deps.kb, asked.result, {
    questionId: asked.questionId,
    policyLeads: (await deps.owners.forWorkspace(asked.workspaceId)).configured,
  });
  return approvedFirst(deps, message, asked);
}

async function approvedFirst(
  deps: ObjectivesSlackDeps,
  message: SlackMessage,
  asked: { workspaceId: string | null; result: AskResult },
): Promise<SlackMessage> {
  const approved = await deps.leads.closest(asked.workspaceId, asked.result.question);
  if (!approved) return message;
  return withApprovedAnswerFirst(message, asked.result, approved, londonDay(deps.clock.now()), isAnswerButtons);
}
