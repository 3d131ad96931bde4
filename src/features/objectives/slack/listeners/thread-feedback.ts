import type { App, BlockAction, FeedbackButtonsAction, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, ANSWER_INPUTS, VIEWS } from "../../../../slack/ids";
import { UNCHECKED_FORM_TEXT } from "../../../../slack/signed-metadata";
import { isFeedbackReason, MAX_FEEDBACK_NOTE } from "../../domain/feedback-reasons";
import type { ObjectivesSlackDeps } from "../deps";
import { askWhyNotHelpful, questionInWorkspace, readReasonMetadata } from "../feedback-flow";
import { modalInputs } from "../modal-state";
import { parseFeedbackValue, policyLeadOffer } from "../views/thread-answer";

/**
 * The feedback buttons under an answer in a thread, a DM or the assistant panel: one vote per person
 * (pressing again changes it); Slack draws the pressed button itself. "Not helpful" asks why.
 */
export function registerThreadFeedback(app: App, deps: ObjectivesSlackDeps): void {
  app.action<BlockAction<FeedbackButtonsAction>>(
    ACTIONS.answerFeedbackButtons,
    async ({ ack, action, body, client }) => {
      await ack();
      const pressed = parseFeedbackValue(action.value);
      const question = pressed ? await questionInWorkspace(deps, pressed.questionId, body.team?.id ?? null) : null;
      if (!pressed || !question) return;
      await deps.questions.vote(question.id, body.user.id, pressed.helpful, deps.clock.now());
      if (pressed.helpful) return;
      const channel = body.container?.channel_id ?? body.channel?.id;
      const threadTs = body.message?.thread_ts ?? body.container?.message_ts;
      await askWhyNotHelpful(
        client,
        body.trigger_id,
        question,
        { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) },
        { userId: body.user.id, channelId: channel ?? null },
        deps.logger,
      );
      if (
        channel &&
        (await deps.owners.forWorkspace(question.workspaceId)).configured &&
        !(await deps.leads.requestFor(question.id))
      )
        await client.chat.postEphemeral({
          channel,
          user: body.user.id,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...policyLeadOffer(question.id),
        });
    },
  );
}

/** The "Not helpful" modal's answer: kept with the question for `localism questions --unanswered`. */
export function registerFeedbackReason(app: App, deps: ObjectivesSlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.answerFeedbackReason, async ({ ack, body, view }) => {
    const metadata = readReasonMetadata(view.private_metadata);
    if (!metadata) {
      await ack({ response_action: "errors", errors: { [ANSWER_INPUTS.reason.block]: UNCHECKED_FORM_TEXT } });
      return;
    }
    await ack();
    const input = modalInputs(view.state.values);
    const reason = input(ANSWER_INPUTS.reason)?.selected_option?.value;
    const note = input(ANSWER_INPUTS.reasonNote)?.value?.trim().slice(0, MAX_FEEDBACK_NOTE) || null;
    if (!reason && !note) return;
    const question = await questionInWorkspace(deps, metadata.q, body.team?.id ?? null);
    if (!question) return;
    await deps.feedbackReasons.record({
      questionId: question.id,
      userId: body.user.id,
      reason: isFeedbackReason(reason) ? reason : null,
      note,
      givenAt: deps.clock.now(),
    });
  });
}
