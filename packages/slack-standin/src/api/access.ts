import type { StandinContext } from "../context";
import { MissingScopeError, refuse } from "../errors";
import type { SlackChannel } from "../state/types";

/**
 * The conversation a channel argument names, as the bot can see it: a private channel or DM the
 * bot is not in does not exist for it (channel_not_found). A user id means the app's DM with them.
 */
export function visibleChannel(ctx: StandinContext, channelArg: string | undefined): SlackChannel {
  if (!channelArg) return refuse("channel_not_found");
  const user = ctx.workspace.user(channelArg);
  const channel = user ? ctx.workspace.dmWith(user.id) : ctx.workspace.channel(channelArg);
  if (!channel) return refuse("channel_not_found");
  if (channel.is_private && !ctx.workspace.botIsMember(channel)) return refuse("channel_not_found");
  return channel;
}

/** A conversation the bot may post into: it must exist for the bot, be open, and have the bot in it. */
export function postableChannel(ctx: StandinContext, channelArg: string | undefined): SlackChannel {
  const channel = visibleChannel(ctx, channelArg);
  if (channel.is_archived) return refuse("is_archived");
  if (!ctx.workspace.botIsMember(channel)) return refuse("not_in_channel");
  return channel;
}

export function knownUser(ctx: StandinContext, userArg: string | undefined) {
  const user = userArg ? ctx.workspace.user(userArg) : undefined;
  if (!user) return refuse("user_not_found");
  return user;
}

/** Reading a conversation's messages needs the history scope of its kind, as Slack checks it. */
export function requireHistoryScope(ctx: StandinContext, channel: SlackChannel): void {
  const needed = channel.is_im
    ? "im:history"
    : channel.is_mpim
      ? "mpim:history"
      : channel.is_private
        ? "groups:history"
        : "channels:history";
  if (ctx.botScopes && !ctx.botScopes.includes(needed)) throw new MissingScopeError(needed, ctx.botScopes);
}
