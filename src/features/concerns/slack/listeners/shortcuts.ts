import type { App, BlockAction, ButtonAction, GlobalShortcut, MessageShortcut } from "@slack/bolt";
import { ACTIONS, SHORTCUTS } from "../../../../slack/ids";
import type { ConcernsSlackDeps } from "../deps";
import { openBlankForm, openFormForMessage } from "../open-form";
import { workspaceOf } from "../workspace";

/** "Log autonomy concern" on a message, the global shortcut and App Home's button: all open the concern form. */
export function registerConcernShortcuts(app: App, deps: ConcernsSlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUTS.logConcern, async ({ ack, shortcut, client }) => {
    await ack();
    await openFormForMessage(deps, {
      client,
      triggerId: shortcut.trigger_id,
      workspaceId: workspaceOf(shortcut),
      userId: shortcut.user.id,
      teamDomain: shortcut.team?.domain ?? null,
      channelId: shortcut.channel.id,
      message: shortcut.message,
      responseUrl: shortcut.response_url,
    });
  });
  app.shortcut<GlobalShortcut>(SHORTCUTS.logConcernGlobal, async ({ ack, shortcut, client }) => {
    await ack();
    await openBlankForm(client, shortcut.trigger_id, { userId: shortcut.user.id }, {}, deps.logger);
  });
  app.action<BlockAction<ButtonAction>>(ACTIONS.concernNewFromHome, async ({ ack, body, client }) => {
    await ack();
    await openBlankForm(client, body.trigger_id, { userId: body.user.id }, {}, deps.logger);
  });
}
