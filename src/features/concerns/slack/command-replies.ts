import type { SlackMessage } from "../../../slack/message";
import {
  type CheckinTicket,
  type ConcernsCommand,
  formatReference,
  type ReporterView,
  reportCsv,
  reportMarkdown,
  reportTitle,
} from "../domain";
import type { SlackClient } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { encodeCheckin } from "./metadata";
import { concernDetailMessage } from "./views/detail";
import { concernListMessage, helpMessage, myConcernsMessage, plainConcernMessage } from "./views/lists";
import { exportComment } from "./views/notifications";
import { reportSummaryMessage } from "./views/report";
import { reporterStatusMessage } from "./views/status";

export interface CommandContext {
  workspaceId: string;
  userId: string;
  client: SlackClient;
}

type CommandDeps = Pick<ConcernsSlackDeps, "concerns" | "concernNotifier" | "logger">;

const LEAD_LIST_FOOTER = "`/concerns CON-0042` for the full record · `/concerns export` for a CSV";

/** Every `/concerns` reply except `new` and `publish` (which open a modal). */
export async function concernsCommandReply(
  deps: CommandDeps,
  command: Exclude<ConcernsCommand, { kind: "new" } | { kind: "publish" }>,
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
    case "report":
      return reportForLead(deps, command, context);
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
    await deps.concernNotifier.reporterReplied(sent.concern);
  }
  const found = await followUp.status(context.workspaceId, context.userId, command.number, command.receiptCode);
  if (!found.ok) return plainConcernMessage(found.reason);
  const ticket = await checkinTicket(deps, found.view, command.receiptCode, context.userId);
  const message = reporterStatusMessage(found.view, command.receiptCode, ticket && encodeCheckin(ticket));
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

/** The check-in, for the person who raised a resolved concern and has not answered yet. */
async function checkinTicket(
  deps: CommandDeps,
  view: ReporterView,
  receiptCode: string | null,
  userId: string,
): Promise<CheckinTicket | null> {
  if (view.viewer !== "reporter") return null;
  const { checkins } = deps.concerns;
  return receiptCode ? checkins.ticketForReceipt(view.concern, receiptCode) : checkins.ticketFor(view.concern, userId);
}

/** The quarterly report: a summary here, and the whole report (Markdown or CSV) in the lead's DM. */
async function reportForLead(
  deps: CommandDeps,
  command: Extract<ConcernsCommand, { kind: "report" }>,
  context: CommandContext,
): Promise<SlackMessage> {
  const built = await deps.concerns.reports.forLead(context.workspaceId, context.userId, command.quarter);
  if (!built.ok) return plainConcernMessage(built.reason);
  const report = built.value;
  const csv = command.format === "csv";
  const dm = await context.client.conversations.open({ users: context.userId });
  const channel = dm.channel?.id;
  if (!channel) return plainConcernMessage("Sorry, I could not open a direct message with you to send the report.");
  const filename = `concerns-report-${report.quarter.key}.${csv ? "csv" : "md"}`;
  await context.client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(csv ? reportCsv(report) : reportMarkdown(report), "utf8"),
    filename,
    title: reportTitle(report),
    initial_comment: `${reportTitle(report)}: ready to paste into a governing body paper. Small numbers are suppressed, so it can be shared.`,
  });
  return reportSummaryMessage(report, filename);
}
