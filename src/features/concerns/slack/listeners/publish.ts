import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import { isGoneView } from "../client";
import type { ConcernsSlackDeps } from "../deps";
import { redrawPublishModal, submitPublish } from "../publish-flow";
import { workspaceOf } from "../workspace";

type PublishAction = BlockAction & {
  view?: { id: string; hash: string; callback_id: string; private_metadata: string; state?: { values?: unknown } };
};

/** "You said, we did": the preview follows the ticks; Publish posts it. */
export function registerPublish(app: App, deps: ConcernsSlackDeps): void {
  app.action<PublishAction>(CONCERN_INPUTS.publishItems.action, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view || view.callback_id !== VIEWS.concernPublish) return;
    const drawn = await redrawPublishModal(deps, workspaceOf(body), body.user.id, view);
    if (!drawn) return;
    await client.views.update({ view_id: view.id, hash: view.hash, view: drawn }).catch((error: unknown) => {
      if (!isGoneView(error)) throw error;
    });
  });

  app.view<ViewSubmitAction>(VIEWS.concernPublish, async ({ ack, body, view, client }) => {
    await ack(await submitPublish(deps, client, { workspaceId: workspaceOf(body), userId: body.user.id }, view));
  });
}
