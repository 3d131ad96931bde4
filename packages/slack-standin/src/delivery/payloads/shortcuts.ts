import { renderMessage } from "../../api/render";
import type { StandinContext } from "../../context";
import type { StoredMessage } from "../../state/types";
import { channelRef, interactionBase, requireChannel } from "./common";

export interface MessageShortcutInput {
  callbackId: string;
  user: string;
  channel: string;
  /** The stored message (e.g. from workspace.postAsUser) or its ts. */
  message: StoredMessage | string;
}

export interface GlobalShortcutInput {
  callbackId: string;
  user: string;
}

/** `type: "message_action"`: carries the whole message, the channel and a response_url. */
export function buildMessageShortcut(ctx: StandinContext, input: MessageShortcutInput) {
  const channel = requireChannel(ctx, input.channel);
  const ts = typeof input.message === "string" ? input.message : input.message.ts;
  const message = ctx.messages.find(channel.id, ts);
  if (!message)
    throw new Error(`No message ${ts} in ${channel.id}: shortcuts work only on stored, non-ephemeral messages`);
  const responseUrlId = ctx.responseUrls.issue({ channel: channel.id, user: input.user, thread_ts: message.thread_ts });
  return {
    ...interactionBase(ctx, "message_action", input.user),
    channel: channelRef(channel),
    callback_id: input.callbackId,
    trigger_id: ctx.triggers.issue(input.user),
    response_url: ctx.responseUrl(responseUrlId),
    message_ts: message.ts,
    message: renderMessage(ctx, message),
  };
}

/** `type: "shortcut"`: no channel, no response_url. */
export function buildGlobalShortcut(ctx: StandinContext, input: GlobalShortcutInput) {
  return {
    ...interactionBase(ctx, "shortcut", input.user),
    callback_id: input.callbackId,
    trigger_id: ctx.triggers.issue(input.user),
  };
}
