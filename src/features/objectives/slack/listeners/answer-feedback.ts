import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ACTIONS } from "../../../../slack/ids";
import { commandAnswer } from "../command-answer";
import type { ObjectivesSlackDeps } from "../deps";
import { askWhyNotHelpful } from "../feedback-flow";
import type { Feedback } from "../views/answer";
import { plainMessage } from "../views/objectives";

const EXPIRED = "That answer is no longer on record, so it can't be shared or rated. Ask again with `/objectives`.";

/** Helpful / Not helpful: one vote per person (pressing again changes it), thanked in place; "Not helpful" asks why. */
export function registerAnswerFeedback(app: App, deps: ObjectivesSlackDeps): void {
  const handle =
    (feedback: Feedback) =>
    async ({
      ack,
      action,
      body,
      respond,
      client,
    }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & { client: App["client"] }) => {
      await ack();
      const question = await deps.questions.find(action.value ?? "");
      if (!question || question.workspaceId !== (body.team?.id ?? null)) {
        await respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(EXPIRED) });
        return;
      }
      await deps.questions.vote(question.id, body.user.id, feedback === "helpful", deps.clock.now());
      if (feedback === "not_helpful")
        await askWhyNotHelpful(
          client,
          body.trigger_id,
          question,
          {},
          { userId: body.user.id, channelId: body.channel?.id ?? null, responseUrl: body.response_url },
          deps.logger,
        );
      const asked = {
        questionId: question.id,
        workspaceId: question.workspaceId,
        result: await deps.answer(question.question),
      };
      const shared = await deps.shares.isShared(question.id);
      await respond({ replace_original: true, ...(await commandAnswer(deps, asked, { feedback, shared })) });
    };
  app.action<BlockAction<ButtonAction>>(ACTIONS.answerHelpful, handle("helpful"));
  app.action<BlockAction<ButtonAction>>(ACTIONS.answerNotHelpful, handle("not_helpful"));
}

/**
 * "Share in channel": reposts the answer for everyone, through the response URL (works where the bot
 * is not a member), once: the share is claimed in the database first, so a second press or a double
 * click posts nothing, and the button then reads "Shared".
 */
export function registerShareAnswer(app: App, deps: ObjectivesSlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.shareAnswer, async ({ ack, action, body, respond }) => {
    await ack();
    const question = await deps.questions.find(action.value ?? "");
    if (!question || question.workspaceId !== (body.team?.id ?? null)) {
      await respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(EXPIRED) });
      return;
    }
    const asked = {
      questionId: question.id,
      workspaceId: question.workspaceId,
      result: await deps.answer(question.question),
    };
    if (await deps.shares.claim(question.id, body.user.id, deps.clock.now())) {
      try {
        await respond({
          response_type: "in_channel",
          replace_original: false,
          ...(await commandAnswer(deps, asked, { sharedBy: body.user.id })),
        });
      } catch (error) {
        await deps.shares.release(question.id);
        throw error;
      }
    }
    const vote = await deps.answerState.voteOf(question.id, body.user.id);
    const feedback: Feedback | undefined = vote === null ? undefined : vote ? "helpful" : "not_helpful";
    await respond({
      replace_original: true,
      ...(await commandAnswer(deps, asked, { ...(feedback ? { feedback } : {}), shared: true })),
    });
  });
  // "Shared" is a button Slack cannot grey out: pressing it is acknowledged and does nothing.
  app.action(ACTIONS.answerShared, async ({ ack }) => {
    await ack();
  });
}
