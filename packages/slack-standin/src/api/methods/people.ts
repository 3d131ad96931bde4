import { z } from "zod";
import type { StandinContext } from "../../context";
import { refuse } from "../../errors";
import type { SlackChannel, StoredMessage } from "../../state/types";
import { knownUser, requireHistoryScope, visibleChannel } from "../access";
import { paginate } from "../pagination";
import { boolArg, intArg, listArg, optionalId, type Params, parseParams } from "../params";
import { renderChannel, renderMessage, renderUser } from "../render";
import type { MethodTable } from "../types";

const pageArgs = { limit: intArg.optional(), cursor: optionalId };

function authTest(ctx: StandinContext) {
  return {
    url: `https://${ctx.team.domain}.slack.com/`,
    team: ctx.team.name,
    user: ctx.app.botName,
    team_id: ctx.team.id,
    user_id: ctx.app.botUserId,
    bot_id: ctx.app.botId,
    is_enterprise_install: false,
  };
}

function usersInfo(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ user: optionalId }), params);
  return { user: renderUser(ctx, knownUser(ctx, args.user)) };
}

const typeOf = (c: SlackChannel) =>
  c.is_im ? "im" : c.is_mpim ? "mpim" : c.is_private ? "private_channel" : "public_channel";

function usersConversations(ctx: StandinContext, params: Params) {
  const args = parseParams(
    z.looseObject({ user: optionalId, types: optionalId, exclude_archived: boolArg.optional(), ...pageArgs }),
    params,
  );
  const member = args.user ? knownUser(ctx, args.user).id : ctx.app.botUserId;
  const types = listArg(args.types ?? "public_channel");
  const channels = ctx.workspace
    .allChannels()
    .filter((c) => c.members.includes(member) && types.includes(typeOf(c)))
    .filter((c) => !(args.exclude_archived && c.is_archived));
  const page = paginate(channels, args.limit, args.cursor);
  return { channels: page.items.map((c) => renderChannel(ctx, c)), response_metadata: page.response_metadata };
}

function usergroupUsers(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ usergroup: optionalId }), params);
  const group = args.usergroup ? ctx.workspace.usergroup(args.usergroup) : undefined;
  if (!group) return refuse("no_such_subteam");
  return { users: group.users };
}

function conversationsInfo(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ channel: optionalId }), params);
  const channel = visibleChannel(ctx, args.channel);
  return { channel: renderChannel(ctx, channel) };
}

function conversationsMembers(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ channel: optionalId, ...pageArgs }), params);
  const channel = visibleChannel(ctx, args.channel);
  const page = paginate(channel.members, args.limit, args.cursor);
  return { members: page.items, response_metadata: page.response_metadata };
}

/** Only the app's 1:1 DM with one user is modelled (no group DMs). */
function conversationsOpen(ctx: StandinContext, params: Params) {
  const args = parseParams(
    z.looseObject({ users: z.unknown().optional(), channel: optionalId, return_im: boolArg.optional() }),
    params,
  );
  if (args.channel) return { channel: renderChannel(ctx, visibleChannel(ctx, args.channel)) };
  const users = listArg(args.users);
  if (users.length === 0) return refuse("users_list_not_supplied");
  if (users.length > 1) return refuse("not_implemented");
  const dm = ctx.workspace.dmWith(knownUser(ctx, users[0]).id);
  return { channel: args.return_im ? renderChannel(ctx, dm) : { id: dm.id } };
}

/**
 * A channel's top-level messages, newest first, between `oldest` and `latest` (exclusive), with
 * their metadata only when `include_all_metadata` is set, as Slack answers it.
 */
function conversationsHistory(ctx: StandinContext, params: Params) {
  const args = parseParams(
    z.looseObject({
      channel: optionalId,
      oldest: optionalId,
      latest: optionalId,
      include_all_metadata: boolArg.optional(),
      ...pageArgs,
    }),
    params,
  );
  const channel = visibleChannel(ctx, args.channel);
  requireHistoryScope(ctx, channel);
  if (!ctx.workspace.botIsMember(channel)) return refuse("not_in_channel");
  const after = Number(args.oldest ?? "0");
  const before = args.latest ? Number(args.latest) : Number.POSITIVE_INFINITY;
  const messages = ctx.messages
    .inChannel(channel.id)
    .filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === "thread_broadcast")
    .filter((m) => Number(m.ts) > after && Number(m.ts) < before)
    .reverse()
    .map((m) => {
      const rendered = renderMessage(ctx, m);
      if (!args.include_all_metadata) delete rendered.metadata;
      const root = m.subtype === "thread_broadcast" && m.thread_ts ? ctx.messages.find(channel.id, m.thread_ts) : null;
      return root ? { ...rendered, root: renderMessage(ctx, root) } : rendered;
    });
  const page = paginate(messages, args.limit, args.cursor);
  return {
    messages: page.items,
    has_more: page.response_metadata.next_cursor !== "",
    response_metadata: page.response_metadata,
  };
}

/**
 * A thread: its parent first, then the replies oldest first (broadcast ones included), between
 * `oldest` and `latest` (exclusive unless `inclusive`); the parent is answered whatever the range,
 * as Slack does. Each reply names the parent's author in parent_user_id. Metadata only with
 * `include_all_metadata`. A ts that is no message of the channel: thread_not_found.
 */
function conversationsReplies(ctx: StandinContext, params: Params) {
  const args = parseParams(
    z.looseObject({
      channel: optionalId,
      ts: optionalId,
      oldest: optionalId,
      latest: optionalId,
      inclusive: boolArg.optional(),
      include_all_metadata: boolArg.optional(),
      ...pageArgs,
    }),
    params,
  );
  const channel = visibleChannel(ctx, args.channel);
  requireHistoryScope(ctx, channel);
  if (!ctx.workspace.botIsMember(channel)) return refuse("not_in_channel");
  const found = args.ts ? ctx.messages.find(channel.id, args.ts) : undefined;
  if (!found) return refuse("thread_not_found");
  const parent =
    found.thread_ts && found.thread_ts !== found.ts ? ctx.messages.find(channel.id, found.thread_ts) : found;
  if (!parent) return refuse("thread_not_found");
  const after = Number(args.oldest ?? "0");
  const before = args.latest ? Number(args.latest) : Number.POSITIVE_INFINITY;
  const inRange = (ts: string) =>
    args.inclusive ? Number(ts) >= after && Number(ts) <= before : Number(ts) > after && Number(ts) < before;
  const parentAuthor = parent.user ?? ctx.app.botUserId;
  const render = (m: StoredMessage, reply: boolean) => {
    const rendered = renderMessage(ctx, m);
    if (!args.include_all_metadata) delete rendered.metadata;
    return reply ? { ...rendered, parent_user_id: parentAuthor } : rendered;
  };
  const replies = ctx.messages.threadReplies(channel.id, parent.ts).filter((m) => inRange(m.ts));
  const messages = [render(parent, false), ...replies.map((m) => render(m, true))];
  const page = paginate(messages, args.limit, args.cursor);
  return {
    messages: page.items,
    has_more: page.response_metadata.next_cursor !== "",
    response_metadata: page.response_metadata,
  };
}

export const peopleMethods: MethodTable = {
  "conversations.history": conversationsHistory,
  "conversations.replies": conversationsReplies,
  "auth.test": authTest,
  "users.info": usersInfo,
  "users.conversations": usersConversations,
  "usergroups.users.list": usergroupUsers,
  "conversations.info": conversationsInfo,
  "conversations.members": conversationsMembers,
  "conversations.open": conversationsOpen,
};
