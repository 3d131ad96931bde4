import type { SlackMessage } from "../../../slack/message";
import { type ConcernsCommand, formatReference } from "../domain";
import type { SlackClient } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { concernDetailMessage } from "./views/detail";
import { concernListMessage, helpMessage, myConcernsMessage, plainConcernMessage } from "./views/lists";
import { exportComment } from "./views/notifications";
import { reporterStatusMessage } from "./views/status";

export interface CommandContext {
  workspaceId: string;
  userId: string;
  client: SlackClient;
}

type CommandDeps = Pick<ConcernsSlackDeps, "concerns" | "concernNotifier" | "logger">;

const LEAD_LIST_FOOTER = "`/concerns CON-0042` for the full record · `/concerns export` for a CSV";

/** Every `/concerns` reply except `new` (which opens the form). */
export async function concernsCommandReply(
  deps: CommandDeps,
  command: Exclude<ConcernsCommand, { kind: "new" }>,
  context: CommandContext,
): Promise<SlackMessage> {
  const { lookup } = deps.concerns;
  const { workspaceId, userId } = context;
  switch (command.kind) {
    case "mine":
      return myConcernsMessage(await lookup.mine(workspaceId, userId));
    case "help":
      return helpMessage(await lookup.isLead(workspaceId, userId));
    case "invalid":
      return plainConcernMessage(command.message);
    case "status":
      return status(deps, command, context);
    case "open": {
      const open = await lookup.open(workspaceId, userId);
      return open.ok
        ? concernListMessage("Open concerns", open.value, "No open concerns.", LEAD_LIST_FOOTER)
        : plainConcernMessage(open.reason);
    }
    case "objective": {
      const found = await lookup.byObjective(workspaceId, userId, command.objective);
      return found.ok
        ? concernListMessage(
            `Concerns touching objective ${command.objective}`,
            found.value,
            "None yet.",
            LEAD_LIST_FOOTER,
          )
        : plainConcernMessage(found.reason);
    }
    case "detail": {
      const found = await lookup.detail(workspaceId, userId, command.number);
      if (!found.ok) return plainConcernMessage(found.reason);
      return found.value
        ? concernDetailMessage(found.value)
        : plainConcernMessage(`There is no ${formatReference(command.number)} in this workspace.`);
    }
    case "export":
      return exportForLead(deps, command, context);
  }
}

async function status(
  deps: CommandDeps,
  command: Extract<ConcernsCommand, { kind: "status" }>,
  context: CommandContext,
): Promise<SlackMessage> {
  const { followUp } = deps.concerns;
  if (command.reply && command.receiptCode) {
    const sent = await followUp.reply(
      context.workspaceId,
      context.userId,
      command.number,
      command.receiptCode,
      command.reply,
    );
    if (!sent.ok) return plainConcernMessage(sent.reason);
    await deps.concernNotifier.reporterReplied(sent.concern, sent.message.text);
  }
  const found = await followUp.status(context.workspaceId, context.userId, command.number, command.receiptCode);
  if (!found.ok) return plainConcernMessage(found.reason);
  const message = reporterStatusMessage(found.view, command.receiptCode);
  if (!command.reply) return message;
  const sentNote = `Your reply was passed to the concern leads of ${formatReference(command.number)}.`;
  return { text: `${sentNote} ${message.text}`, blocks: [...plainConcernMessage(sentNote).blocks, ...message.blocks] };
}

/** The CSV goes to the lead's DM with the bot: it names confidential reporters, so never to a channel. */
async function exportForLead(
  deps: CommandDeps,
  command: Extract<ConcernsCommand, { kind: "export" }>,
  context: CommandContext,
): Promise<SlackMessage> {
  const built = await deps.concerns.exports.forLead(context.workspaceId, context.userId, {
    from: command.from,
    to: command.to,
  });
  if (!built.ok) return plainConcernMessage(built.reason);
  const dm = await context.client.conversations.open({ users: context.userId });
  const channel = dm.channel?.id;
  if (!channel) return plainConcernMessage("Sorry, I could not open a direct message with you to send the file.");
  const filename = `concerns-${command.from.toISOString().slice(0, 10)}-to-${command.to.toISOString().slice(0, 10)}.csv`;
  await context.client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(built.value.csv, "utf8"),
    filename,
    title: filename,
    initial_comment: exportComment(built.value.count, command.from, command.to),
  });
  return plainConcernMessage(`I have sent you the CSV (${built.value.count} concerns) in a direct message.`);
}
