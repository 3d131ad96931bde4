import type { App } from "@slack/bolt";
import { COMMANDS } from "../../../../slack/ids";
import { parseDigestCommand } from "../../domain/command";
import type { MinutesSlackDeps } from "../deps";
import { digestReplyMessage } from "../views/digest-replies";

/**
 * `/digest ...`. Help and mistakes are answered in the acknowledgement; everything else needs the
 * database or Slack, so it is acknowledged at once and answered through response_url (which also
 * reaches private channels).
 */
export function registerDigestCommand(app: App, deps: MinutesSlackDeps): void {
  app.command(COMMANDS.digest, async ({ command, ack, respond }) => {
    const text = command.text ?? "";
    const defaultTime = /^\s*subscribe\b/i.test(text) ? await deps.defaultDigestTime(command.team_id) : null;
    const parsed = parseDigestCommand(text, { defaultTime });
    if (parsed.kind === "help" || parsed.kind === "invalid") {
      await ack({ response_type: "ephemeral", ...digestReplyMessage(parsed) });
      return;
    }
    await ack();
    try {
      const reply = await deps.minutes.commands.run(parsed, {
        workspaceId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
      });
      await respond({ response_type: "ephemeral", ...digestReplyMessage(reply) });
    } catch (error) {
      deps.logger.error(`/digest ${parsed.kind} failed`, error);
      // Part of the work may have been done (a source added, documents stored) before the failure.
      await respond({
        response_type: "ephemeral",
        text: "Sorry, something went wrong before I could answer, and part of it may have been done: `/digest status` and `/digest sources` show where things stand. Please try again in a minute.",
      });
    }
  });
}
