import { renderMessage } from "../../api/render";
import type { StandinContext } from "../../context";
import type { SlackChannel, StoredMessage } from "../../state/types";
import type { EventInput } from "./events";

/** Slack's `channel_type` in message events, and the subscription (bot event) that brings them. */
function channelType(channel: SlackChannel): { type: string; subscription: string } {
  if (channel.is_im) return { type: "im", subscription: "message.im" };
  if (channel.is_mpim) return { type: "mpim", subscription: "message.mpim" };
  return channel.is_private
    ? { type: "group", subscription: "message.groups" }
    : { type: "channel", subscription: "message.channels" };
}

/** The rich_text block Slack's clients attach to what a person types (mentions as user elements). */
export function richTextOf(text: string): Record<string, unknown> {
  const elements = text
    .split(/(<@[UW][A-Z0-9]+>)/)
    .filter((part) => part !== "")
    .map((part) => {
      const mention = /^<@([UW][A-Z0-9]+)>$/.exec(part);
      return mention ? { type: "user", user_id: mention[1] } : { type: "text", text: part };
    });
  return { type: "rich_text", block_id: "rt0", elements: [{ type: "rich_text_section", elements }] };
}

function fields(ctx: StandinContext, message: StoredMessage) {
  const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const parent = inThread && message.thread_ts ? ctx.messages.find(message.channel, message.thread_ts) : undefined;
  return {
    ...(message.client_msg_id ? { client_msg_id: message.client_msg_id } : {}),
    text: message.text,
    user: message.user,
    ts: message.ts,
    team: ctx.team.id,
    blocks: message.blocks ?? [richTextOf(message.text)],
    ...(inThread ? { thread_ts: message.thread_ts } : {}),
    ...(parent?.user ? { parent_user_id: parent.user } : {}),
    channel: message.channel,
    event_ts: message.ts,
  };
}

function mentionsBot(ctx: StandinContext, text: string): boolean {
  return text.includes(`<@${ctx.app.botUserId}>`);
}

/**
 * What Slack sends the app when a person posts: a `message` event where the app subscribed to that
 * kind of conversation (message.im for its DMs), and an `app_mention` where the text mentions the
 * bot in a channel it is in (Slack sends no app_mention for DMs).
 */
export function eventsForNewMessage(
  ctx: StandinContext,
  message: StoredMessage,
  channel: SlackChannel,
  subscriptions: readonly string[],
): EventInput[] {
  const events: EventInput[] = [];
  const kind = channelType(channel);
  const member = ctx.workspace.botIsMember(channel);
  if (member && subscriptions.includes(kind.subscription))
    events.push({ type: "message", ...fields(ctx, message), channel_type: kind.type });
  if (member && !channel.is_im && subscriptions.includes("app_mention") && mentionsBot(ctx, message.text))
    events.push({ type: "app_mention", ...fields(ctx, message) });
  return events;
}

/**
 * An edit: a hidden `message_changed` message event (in subscribed conversations) and, when the text
 * mentions the bot, the `app_mention` again with the same ts and an `edited` field, as Slack does.
 */
export function eventsForEdit(
  ctx: StandinContext,
  message: StoredMessage,
  previous: StoredMessage,
  channel: SlackChannel,
  subscriptions: readonly string[],
): EventInput[] {
  const events: EventInput[] = [];
  const kind = channelType(channel);
  const member = ctx.workspace.botIsMember(channel);
  const editTs = message.edited?.ts ?? ctx.ids.ts();
  if (member && subscriptions.includes(kind.subscription)) {
    events.push({
      type: "message",
      subtype: "message_changed",
      hidden: true,
      message: renderMessage(ctx, message),
      previous_message: renderMessage(ctx, previous),
      channel: channel.id,
      channel_type: kind.type,
      ts: editTs,
      event_ts: editTs,
    });
  }
  if (member && !channel.is_im && subscriptions.includes("app_mention") && mentionsBot(ctx, message.text))
    events.push({ type: "app_mention", ...fields(ctx, message), edited: message.edited, event_ts: editTs });
  return events;
}
