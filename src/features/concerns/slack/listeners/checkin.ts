import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import { openModal } from "../../../../slack/open-modal";
import { UNCHECKED_FORM_TEXT } from "../../../../slack/signed-metadata";
import type { ConcernsSlackDeps } from "../deps";
import { inputsOf } from "../form-state";
import { decodeCheckin, decodeCheckinModal, encodeCheckinModal } from "../metadata";
import { checkinDoneModal, checkinModal } from "../views/checkin";
import { refusalMessage } from "../views/notifications";
import { workspaceOf } from "../workspace";

/**
 * The check-in after resolution: the button (in the resolution DM, or in `/concerns status` for an
 * anonymous reporter with their receipt code) opens two questions; the answers are stored with
 * nothing that ties them to the person or the concern.
 */
export function registerCheckin(app: App, deps: ConcernsSlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.concernCheckinOpen, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ticket = decodeCheckin(action.value);
    const opened = ticket
      ? await deps.concerns.checkins.open(workspaceOf(body), body.user.id, ticket)
      : ({ ok: false, reason: "That check-in could not be read." } as const);
    if (!opened.ok || !ticket) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...refusalMessage(opened.ok ? "" : opened.reason),
      });
      return;
    }
    await openModal(client, {
      triggerId: body.trigger_id,
      view: checkinModal(opened.concern, encodeCheckinModal(ticket)),
      who: { userId: body.user.id, channelId: body.channel?.id ?? null, responseUrl: body.response_url ?? null },
      retry: "press *Answer* under the two quick questions again.",
      logger: deps.logger,
    });
  });

  app.view<ViewSubmitAction>(VIEWS.concernCheckin, async ({ ack, body, view }) => {
    const ticket = decodeCheckinModal(view.private_metadata);
    if (!ticket) {
      await ack({ response_action: "errors", errors: { [CONCERN_INPUTS.checkinClear.block]: UNCHECKED_FORM_TEXT } });
      return;
    }
    const read = inputsOf(view.state.values);
    const answers = {
      clear: read(CONCERN_INPUTS.checkinClear)?.selected_option?.value,
      again: read(CONCERN_INPUTS.checkinAgain)?.selected_option?.value,
    };
    const stored = await deps.concerns.checkins.answer(workspaceOf(body), body.user.id, ticket, answers);
    if (stored.ok) {
      await ack({ response_action: "update", view: checkinDoneModal() });
      return;
    }
    const block =
      "field" in stored && stored.field === "again"
        ? CONCERN_INPUTS.checkinAgain.block
        : CONCERN_INPUTS.checkinClear.block;
    await ack({ response_action: "errors", errors: { [block]: stored.reason } });
  });
}
