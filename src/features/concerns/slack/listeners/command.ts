import type { App } from "@slack/bolt";
import { COMMANDS } from "../../../../slack/ids";
import { parseConcernsCommand } from "../../domain";
import { concernsCommandReply } from "../command-replies";
import type { ConcernsSlackDeps } from "../deps";
import { openBlankForm } from "../open-form";
import { openPublishModal } from "../publish-flow";

/**
 * `/concerns`: everyone's own concerns, `new`, and `status` (with a receipt code for anonymous
 * ones); for leads `open`, `objective N`, `CON-0042`, `export`, `report` and `publish`. Replies come
 * through the response URL, so they reach private channels and DMs the bot is not in.
 */
export function registerConcernsCommand(app: App, deps: ConcernsSlackDeps): void {
  app.command(COMMANDS.concerns, async ({ command, ack, respond, client }) => {
    const parsed = parseConcernsCommand(command.text ?? "", deps.clock.now());
    await ack();
    if (parsed.kind === "new") {
      const who = { userId: command.user_id, channelId: command.channel_id, responseUrl: command.response_url };
      await openBlankForm(
        client,
        command.trigger_id,
        who,
        { channel: command.channel_id, responseUrl: command.response_url },
        deps.logger,
      );
      return;
    }
    if (parsed.kind === "publish") {
      await openPublishModal(deps, client, {
        triggerId: command.trigger_id,
        workspaceId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
      });
      return;
    }
    const reply = await concernsCommandReply(deps, parsed, {
      workspaceId: command.team_id,
      userId: command.user_id,
      client,
    });
    await respond({ response_type: "ephemeral", ...reply });
  });
}
