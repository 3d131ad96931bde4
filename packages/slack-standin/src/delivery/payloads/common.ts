import type { StandinContext } from "../../context";
import type { SlackChannel, SlackUser } from "../../state/types";

/** Pieces every interaction payload repeats, with the stand-in workspace's values. */

export function requireUser(ctx: StandinContext, userId: string): SlackUser {
  const user = ctx.workspace.user(userId);
  if (!user) throw new Error(`Unknown user ${userId}: add it with workspace.addUser first`);
  return user;
}

export function requireChannel(ctx: StandinContext, channelId: string): SlackChannel {
  const channel = ctx.workspace.channel(channelId) ?? dmFor(ctx, channelId);
  if (!channel) throw new Error(`Unknown channel ${channelId}: add it with workspace.addChannel first`);
  return channel;
}

function dmFor(ctx: StandinContext, userId: string): SlackChannel | undefined {
  return ctx.workspace.user(userId) ? ctx.workspace.dmWith(userId) : undefined;
}

export function teamRef(ctx: StandinContext) {
  return { id: ctx.team.id, domain: ctx.team.domain };
}

export function userRef(ctx: StandinContext, userId: string) {
  const user = requireUser(ctx, userId);
  return { id: user.id, username: user.name, name: user.name, team_id: ctx.team.id };
}

/** Slack names DMs "directmessage" in payloads. */
export function channelName(channel: SlackChannel): string {
  return channel.is_im ? "directmessage" : channel.name;
}

export function channelRef(channel: SlackChannel) {
  return { id: channel.id, name: channelName(channel) };
}

/** Fields Slack adds to every interactive payload of a non-Enterprise workspace. */
export function interactionBase(ctx: StandinContext, type: string, userId: string) {
  return {
    type,
    token: ctx.verificationToken,
    action_ts: ctx.ids.ts(),
    team: teamRef(ctx),
    user: userRef(ctx, userId),
    api_app_id: ctx.app.appId,
    is_enterprise_install: false,
    enterprise: null,
  };
}
