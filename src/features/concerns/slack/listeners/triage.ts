import type {
  App,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import { ACTIONS, VIEWS } from "../../../../slack/ids";
import type { ModalRequester } from "../../../../slack/open-modal";
import type { LeadRequest } from "../../domain";
import type { ConcernsSlackDeps } from "../deps";
import {
  acknowledge,
  type ButtonOutcome,
  openLeadModal,
  setBlocked,
  submitAssign,
  submitLeadModal,
  submitRecusal,
} from "../lead-flow";
import type { LeadModalAction } from "../views/lead-action";
import { refusalMessage } from "../views/notifications";
import { workspaceOf } from "../workspace";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & { client: App["client"] };

/** Who pressed a button, and where to tell them if its modal cannot open. */
function triggerOf(body: BlockAction): { triggerId: string; who: ModalRequester } {
  return {
    triggerId: body.trigger_id,
    who: { userId: body.user.id, channelId: body.channel?.id ?? null, responseUrl: body.response_url ?? null },
  };
}

function requestOf(args: ButtonArgs): LeadRequest {
  return { workspaceId: workspaceOf(args.body), leadId: args.body.user.id, concernId: args.action.value ?? "" };
}

/** Anyone who is not allowed gets a polite note only they can see; the card does not change. */
async function refuseIfNeeded(args: ButtonArgs, outcome: ButtonOutcome): Promise<void> {
  if (outcome.refusal)
    await args.respond({ response_type: "ephemeral", replace_original: false, ...refusalMessage(outcome.refusal) });
}

/** The triage card's buttons and the lead's small forms. Leads only; every press is checked. */
export function registerTriageActions(app: App, deps: ConcernsSlackDeps): void {
  const button = (actionId: string, run: (args: ButtonArgs) => Promise<ButtonOutcome>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      await refuseIfNeeded(args, await run(args));
    });
  const modal = (action: LeadModalAction) => (args: ButtonArgs) =>
    openLeadModal(deps, args.client, triggerOf(args.body), requestOf(args), action);

  button(ACTIONS.concernAcknowledge, (args) => acknowledge(deps, requestOf(args)));
  button(ACTIONS.concernNote, modal("note"));
  button(ACTIONS.concernResolve, modal("resolve"));
  button(ACTIONS.concernReopen, modal("reopen"));
  button(ACTIONS.concernReply, modal("reply"));
  button(ACTIONS.concernBlockThread, (args) => setBlocked(deps, requestOf(args), true));
  button(ACTIONS.concernUnblockThread, (args) => setBlocked(deps, requestOf(args), false));

  // The card's overflow menu: "Assign…" and "Recuse myself…" (option values "<what>:<concern id>").
  app.action<BlockAction<OverflowAction>>(ACTIONS.concernMore, async (args) => {
    await args.ack();
    const [what = "", concernId = ""] = (args.action.selected_option?.value ?? "").split(":");
    if (what !== "assign" && what !== "recuse") return;
    const request = { workspaceId: workspaceOf(args.body), leadId: args.body.user.id, concernId };
    const outcome = await openLeadModal(deps, args.client, triggerOf(args.body), request, what);
    if (outcome.refusal)
      await args.respond({ response_type: "ephemeral", replace_original: false, ...refusalMessage(outcome.refusal) });
  });

  const submission = (callbackId: string, submit: typeof submitLeadModal) =>
    app.view<ViewSubmitAction>(callbackId, async ({ ack, body, view }) => {
      const step = await submit(deps, { workspaceId: workspaceOf(body), leadId: body.user.id }, view);
      await ack(step.response);
      await step.after();
    });
  submission(VIEWS.concernLeadAction, submitLeadModal);
  submission(VIEWS.concernAssign, submitAssign);
  submission(VIEWS.concernRecuse, submitRecusal);
}
