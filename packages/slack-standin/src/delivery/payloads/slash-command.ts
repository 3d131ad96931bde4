import type { StandinContext } from "../../context";
import { channelName, requireChannel, requireUser } from "./common";

export interface SlashCommandInput {
  /** With its slash, e.g. "/objectives". */
  command: string;
  text?: string;
  user: string;
  /** Channel id, or a user id for the DM with the app. */
  channel: string;
}

export interface BuiltSlashCommand {
  /** application/x-www-form-urlencoded, fields in Slack's order. */
  body: string;
  triggerId: string;
  responseUrl: string;
  channel: string;
}

/** The form body Slack posts for a slash command; issues its trigger_id and response_url. */
export function buildSlashCommand(ctx: StandinContext, input: SlashCommandInput): BuiltSlashCommand {
  const user = requireUser(ctx, input.user);
  const channel = requireChannel(ctx, input.channel);
  const triggerId = ctx.triggers.issue(user.id);
  const responseUrl = ctx.responseUrl(ctx.responseUrls.issue({ channel: channel.id, user: user.id }));
  const fields: [string, string][] = [
    ["token", ctx.verificationToken],
    ["team_id", ctx.team.id],
    ["team_domain", ctx.team.domain],
    ["channel_id", channel.id],
    ["channel_name", channelName(channel)],
    ["user_id", user.id],
    ["user_name", user.name],
    ["command", input.command],
    ["text", input.text ?? ""],
    ["api_app_id", ctx.app.appId],
    ["is_enterprise_install", "false"],
    ["response_url", responseUrl],
    ["trigger_id", triggerId],
  ];
  return { body: new URLSearchParams(fields).toString(), triggerId, responseUrl, channel: channel.id };
}
