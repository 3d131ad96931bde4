import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../slack/ids";
import { openModal } from "../../../../slack/open-modal";
import type { ObjectivesSlackDeps } from "../deps";
import { objectiveModal } from "../views/objective-modal";
import { objectiveDetailMessage } from "../views/objectives";

/** "Details" and "Related" buttons: in a message the detail replies in place; on App Home it opens a modal. */
export function registerShowObjective(app: App, deps: ObjectivesSlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTIONS.showObjective}_\\d$`),
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const objective = deps.findObjective(action.value ?? "");
      if (!objective) return;
      if (body.container?.type === "view") {
        await openModal(client, {
          triggerId: body.trigger_id,
          view: objectiveModal(deps.kb, objective),
          who: { userId: body.user.id },
          retry: "press the button on the Home tab again.",
          logger: deps.logger,
        });
        return;
      }
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...objectiveDetailMessage(deps.kb, objective),
      });
    },
  );
}
