import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { ACTIONS, ANSWER_INPUTS, VIEWS } from "../../../../slack/ids";
import { type ModalRequester, openModal } from "../../../../slack/open-modal";
import { UNCHECKED_FORM_TEXT } from "../../../../slack/signed-metadata";
import { londonDay } from "../../domain/approved-answers";
import type { ApprovalOutcome } from "../../services/policy-leads";
import type { ObjectivesSlackDeps } from "../deps";
import { modalInputs, readMetadata, writeMetadata } from "../modal-state";
import { plainMessage } from "../views/objectives";
import {
  alreadySentText,
  answeredDirectMessage,
  approveAnswerModal,
  approvedModal,
  askPolicyLeadModal,
  choseAnonymous,
  noPolicyLeadsModal,
  noticeModal,
  ownerQuestionCard,
  requestSentModal,
  withdrawnMessage,
} from "../views/policy-lead";

type Client = App["client"];
type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & { client: Client };

const askMetadata = z.object({ q: z.string().min(1), c: z.string().optional() });
const approveMetadata = z.union([z.object({ r: z.string().min(1) }), z.object({ a: z.string().min(1) })]);

const NOT_AN_OWNER = "Only the workspace's policy leads can answer, revise or withdraw approved answers.";
const GONE = "That question or answer is no longer on record.";

/** A note only the person who pressed sees. */
/** Where to tell whoever pressed a button that their form did not open. */
function presser({ body }: ButtonArgs): ModalRequester {
  return {
    userId: body.user.id,
    channelId: body.container?.channel_id ?? body.channel?.id ?? null,
    responseUrl: body.response_url,
  };
}

async function tellPresser(args: ButtonArgs, text: string): Promise<void> {
  await args.respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(text) });
}

/**
 * "Ask a policy lead", and the owners' side: Answer on their card, Revise and Withdraw on a review
 * reminder. Owners are checked on every press and every submission.
 */
export function registerPolicyLeads(app: App, deps: ObjectivesSlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.askPolicyLead, async (args) => {
    await args.ack();
    const { action, body, client } = args;
    const owners = await deps.owners.forWorkspace(body.team?.id ?? null);
    if (!owners.configured) return tellPresser(args, "No policy leads have been set up for this workspace.");
    const question = await deps.questions.find(action.value ?? "");
    if (!question || question.workspaceId !== (body.team?.id ?? null)) return tellPresser(args, GONE);
    const existing = await deps.leads.requestFor(question.id);
    if (existing) return tellPresser(args, alreadySentText(existing));
    const channel = body.container?.channel_id ?? body.channel?.id;
    const metadata = writeMetadata(askMetadata, { q: question.id, ...(channel ? { c: channel } : {}) });
    await openModal(client, {
      triggerId: body.trigger_id,
      view: askPolicyLeadModal(question.question, owners.label, metadata),
      who: presser(args),
      retry: "press Ask a policy lead again.",
      logger: deps.logger,
    });
  });

  app.view<ViewSubmitAction>(VIEWS.askPolicyLead, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(askMetadata, view.private_metadata);
    if (!metadata)
      return ack({ response_action: "update", view: noticeModal("Please open it again", UNCHECKED_FORM_TEXT) });
    const workspaceId = body.team?.id ?? null;
    if (!metadata || !workspaceId) return ack({ response_action: "update", view: noticeModal("Expired", GONE) });
    // The admins may have chosen nobody since the form opened: asked again, as it is now.
    const owners = await deps.owners.forWorkspace(workspaceId, { fresh: true });
    if (!owners.configured) return ack({ response_action: "update", view: noPolicyLeadsModal() });
    const anonymous = choseAnonymous(modalInputs(view.state.values)(ANSWER_INPUTS.anonymous)?.selected_options);
    const outcome = await deps.leads.request({
      questionId: metadata.q,
      workspaceId,
      askerId: body.user.id,
      named: !anonymous,
      channelId: metadata.c ?? null,
    });
    if (outcome.kind === "unknown_question")
      return ack({ response_action: "update", view: noticeModal("Expired", GONE) });
    if (outcome.kind === "already_sent")
      return ack({ response_action: "update", view: noticeModal("Already sent", alreadySentText(outcome.request)) });
    await ack({ response_action: "update", view: requestSentModal(owners.label) });
    try {
      const today = londonDay(deps.clock.now());
      await deps.leads.posted(
        outcome.request,
        await owners.tell(client, ownerQuestionCard(outcome.request, null, today)),
      );
    } catch (error) {
      deps.logger.error("Could not send a question to the policy leads", error);
      await deps.leads.undeliverable(outcome.request);
      await client.chat.postMessage({
        channel: body.user.id,
        ...plainMessage(
          "Sorry: your question could not reach the policy leads (the bot may not be in their channel). Ask a workspace admin to check the knowledge owners in the bot's settings, then press Ask a policy lead again.",
        ),
      });
    }
  });

  const ownerButton = (actionId: string, run: (args: ButtonArgs, workspaceId: string) => Promise<void>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      const workspaceId = args.body.team?.id;
      if (!workspaceId) return;
      const owners = await deps.owners.forWorkspace(workspaceId);
      if (!(await owners.isOwner(args.client, args.body.user.id))) return tellPresser(args, NOT_AN_OWNER);
      await run(args, workspaceId);
    });

  ownerButton(ACTIONS.answerPolicyQuestion, async (args, workspaceId) => {
    const request = await deps.leads.findRequest(args.action.value ?? "", workspaceId);
    if (!request) return tellPresser(args, GONE);
    const existing = request.answerId ? await deps.leads.findAnswer(request.answerId, workspaceId) : null;
    await openModal(args.client, {
      triggerId: args.body.trigger_id,
      view: approveAnswerModal(
        {
          question: request.question,
          ...(existing ? { text: existing.answer, source: existing.source } : {}),
          reviewBy: deps.leads.defaultReviewBy(),
        },
        writeMetadata(approveMetadata, { r: request.id }),
      ),
      who: presser(args),
      retry: "press Answer on the question again.",
      logger: deps.logger,
    });
  });

  ownerButton(ACTIONS.reviseApprovedAnswer, async (args, workspaceId) => {
    const answer = await deps.leads.findAnswer(args.action.value ?? "", workspaceId);
    if (!answer) return tellPresser(args, GONE);
    await openModal(args.client, {
      triggerId: args.body.trigger_id,
      view: approveAnswerModal(
        {
          question: answer.question,
          text: answer.answer,
          source: answer.source,
          reviewBy: deps.leads.defaultReviewBy(),
        },
        writeMetadata(approveMetadata, { a: answer.id }),
      ),
      who: presser(args),
      retry: "press Revise on the reminder again.",
      logger: deps.logger,
    });
  });

  ownerButton(ACTIONS.withdrawApprovedAnswer, async (args, workspaceId) => {
    const withdrawn = await deps.leads.withdraw(args.action.value ?? "", workspaceId);
    if (!withdrawn) return tellPresser(args, GONE);
    await args.respond({ replace_original: true, ...withdrawnMessage(withdrawn, args.body.user.id, deps.clock.now()) });
  });

  app.view<ViewSubmitAction>(VIEWS.approveAnswer, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(approveMetadata, view.private_metadata);
    if (!metadata)
      return ack({ response_action: "update", view: noticeModal("Please open it again", UNCHECKED_FORM_TEXT) });
    const workspaceId = body.team?.id;
    if (!metadata || !workspaceId) return ack({ response_action: "update", view: noticeModal("Expired", GONE) });
    const owners = await deps.owners.forWorkspace(workspaceId);
    if (!(await owners.isOwner(client, body.user.id)))
      return ack({ response_action: "update", view: noticeModal("Not allowed", NOT_AN_OWNER) });
    const input = modalInputs(view.state.values);
    const approval = {
      workspaceId,
      authorId: body.user.id,
      authorName: await nameOf(client, body.user.id),
      text: input(ANSWER_INPUTS.approvedText)?.value ?? "",
      source: input(ANSWER_INPUTS.approvedSource)?.value ?? null,
      reviewBy: input(ANSWER_INPUTS.reviewBy)?.selected_date,
    };
    const outcome: ApprovalOutcome =
      "r" in metadata
        ? await deps.leads.answerRequest(metadata.r, approval)
        : await deps.leads.revise(metadata.a, approval);
    if (outcome.kind === "unknown") return ack({ response_action: "update", view: noticeModal("Expired", GONE) });
    if (outcome.kind === "invalid") {
      const block = outcome.field === "text" ? ANSWER_INPUTS.approvedText.block : ANSWER_INPUTS.reviewBy.block;
      return ack({ response_action: "errors", errors: { [block]: outcome.problem } });
    }
    await ack({ response_action: "update", view: approvedModal(outcome.answer) });
    const { request, answer } = outcome;
    if (!request) return;
    const today = londonDay(deps.clock.now());
    await owners
      .update(client, request.posts, ownerQuestionCard(request, answer, today))
      .catch((error: unknown) => deps.logger.warn("Could not update the policy leads' question card", error));
    if (!request.answeredAt)
      await client.chat.postMessage({ channel: request.askerId, ...answeredDirectMessage(request, answer, today) });
  });
}

/** The name shown with an approved answer (the person's real name, else their id). */
async function nameOf(client: Client, userId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.real_name || info.user?.name || userId;
  } catch {
    return userId;
  }
}
