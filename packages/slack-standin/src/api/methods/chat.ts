import { z } from "zod";
import { withSlackIds } from "../../blocks/normalize";
import { checkMessageBlocks } from "../../blocks/validate";
import type { StandinContext } from "../../context";
import { refuse } from "../../errors";
import type { Block } from "../../state/types";
import { postableChannel, visibleChannel } from "../access";
import { boolArg, optionalId, type Params, parseParams } from "../params";
import { renderMessage } from "../render";
import type { MethodTable } from "../types";

const content = {
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
};

const postArgs = z.looseObject({
  channel: optionalId,
  thread_ts: optionalId,
  reply_broadcast: boolArg.optional(),
  metadata: z.unknown().optional(),
  ...content,
});
const ephemeralArgs = z.looseObject({ channel: optionalId, user: optionalId, thread_ts: optionalId, ...content });
const updateArgs = z.looseObject({ channel: optionalId, ts: optionalId, ...content });
const deleteArgs = z.looseObject({ channel: optionalId, ts: optionalId });

interface ContentArgs {
  text?: string;
  blocks?: unknown;
  attachments?: unknown;
}

/** Blocks (checked, with Slack's ids; none if empty) and text; refuses a message with neither. */
function messageContent(ctx: StandinContext, args: ContentArgs, previous?: { text: string; blocks?: Block[] }) {
  const checked = checkMessageBlocks(args.blocks, ctx.limits);
  const sent: Block[] | undefined = checked && checked.length > 0 ? withSlackIds(checked) : undefined;
  // chat.update keeps the previous blocks and text unless new ones are sent ([] removes blocks).
  const blocks = args.blocks === undefined ? previous?.blocks : sent;
  const text = args.text ?? previous?.text ?? "";
  if (text === "" && !blocks && args.attachments === undefined) return refuse("no_text");
  return { text, blocks };
}

/** A reply to a reply goes to the thread's root; a thread_ts matching nothing posts top-level. */
function threadRootTs(ctx: StandinContext, channel: string, threadTs: string | undefined): string | undefined {
  if (!threadTs) return undefined;
  const parent = ctx.messages.find(channel, threadTs);
  return parent ? (parent.thread_ts ?? parent.ts) : undefined;
}

function postMessage(ctx: StandinContext, params: Params) {
  const args = parseParams(postArgs, params);
  const channel = postableChannel(ctx, args.channel);
  const { text, blocks } = messageContent(ctx, args);
  const threadTs = threadRootTs(ctx, channel.id, args.thread_ts);
  const message = ctx.messages.post({
    channel: channel.id,
    text,
    blocks,
    thread_ts: threadTs,
    // A reply also sent to the channel: Slack shows it in the channel's history as a thread_broadcast.
    ...(threadTs && args.reply_broadcast ? { subtype: "thread_broadcast" } : {}),
    user: ctx.app.botUserId,
    bot_id: ctx.app.botId,
    app_id: ctx.app.appId,
    metadata: messageMetadata(args.metadata),
  });
  ctx.assistantThreads.replied(channel.id, message.thread_ts);
  return { channel: channel.id, ts: message.ts, message: renderMessage(ctx, message) };
}

/** Form-encoded calls send metadata as JSON text; Slack stores (and answers with) the object. */
function messageMetadata(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return refuse("invalid_metadata_format");
  }
}

function postEphemeral(ctx: StandinContext, params: Params) {
  const args = parseParams(ephemeralArgs, params);
  const channel = postableChannel(ctx, args.channel);
  if (!args.user || !channel.members.includes(args.user)) return refuse("user_not_in_channel");
  const { text, blocks } = messageContent(ctx, args);
  const ephemeral = ctx.messages.postEphemeral({
    channel: channel.id,
    user: args.user,
    text,
    blocks,
    thread_ts: threadRootTs(ctx, channel.id, args.thread_ts),
    source: "chat.postEphemeral",
  });
  return { message_ts: ephemeral.ts };
}

function ownMessage(ctx: StandinContext, channelArg: string | undefined, ts: string | undefined, refusal: string) {
  const channel = visibleChannel(ctx, channelArg);
  const message = ts ? ctx.messages.find(channel.id, ts) : undefined;
  if (!message) return refuse("message_not_found");
  if (message.bot_id !== ctx.app.botId) return refuse(refusal);
  return { channel, message };
}

function update(ctx: StandinContext, params: Params) {
  const args = parseParams(updateArgs, params);
  const { channel, message } = ownMessage(ctx, args.channel, args.ts, "cant_update_message");
  if (channel.is_archived) return refuse("is_archived");
  ctx.messages.update(message, messageContent(ctx, args, message), ctx.app.botUserId);
  return { channel: channel.id, ts: message.ts, text: message.text, message: renderMessage(ctx, message) };
}

function deleteMessage(ctx: StandinContext, params: Params) {
  const args = parseParams(deleteArgs, params);
  const { channel, message } = ownMessage(ctx, args.channel, args.ts, "cant_delete_message");
  ctx.messages.remove(channel.id, message.ts);
  return { channel: channel.id, ts: message.ts };
}

function getPermalink(ctx: StandinContext, params: Params) {
  const args = parseParams(z.looseObject({ channel: optionalId, message_ts: optionalId }), params);
  const channel = visibleChannel(ctx, args.channel);
  const message = args.message_ts ? ctx.messages.find(channel.id, args.message_ts) : undefined;
  if (!message) return refuse("message_not_found");
  const base = `https://${ctx.team.domain}.slack.com/archives/${channel.id}/p${message.ts.replace(".", "")}`;
  const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  return {
    channel: channel.id,
    permalink: inThread ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base,
  };
}

export const chatMethods: MethodTable = {
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
};
