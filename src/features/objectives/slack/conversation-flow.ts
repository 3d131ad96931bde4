import type { App } from "@slack/bolt";
import type { SlackMessage } from "../../../slack/message";
import type { ConversationMessage, ConversationReply } from "../services/conversation-questions";
import { drawReply } from "./conversation-replies";
import type { ObjectivesSlackDeps } from "./deps";

type Client = App["client"];

/** Where the reply goes: the conversation, and the thread when there is one. */
export interface ReplyPlace {
  channel: string;
  threadTs?: string;
  /** Show how to ask only to the person (a bare mention), rather than to the whole thread. */
  usageOnlyTo?: string;
}

/**
 * Takes the message up as a question (once: a retry or duplicate gets nothing), draws the reply and
 * posts it; records the question once the answer is out. If Slack refuses the post, the claim is
 * given back and the error goes to Bolt's error handler.
 */
export async function answerInConversation(
  deps: ObjectivesSlackDeps,
  client: Client,
  message: ConversationMessage,
  place: ReplyPlace,
  botUserId: string,
): Promise<ConversationReply> {
  // The event is acknowledged; let Slack's other deliveries be acknowledged before this work runs.
  await turn();
  const { reply, release } = await deps.conversations.take(message);
  if (reply.kind === "duplicate") {
    deps.logger.debug(`Message ${message.channelId}/${message.messageTs} was already answered`);
    return reply;
  }
  await turn();
  const drawn = await drawReply(deps, reply, { botUserId, workspaceId: message.workspaceId });
  if (!drawn) return reply;
  try {
    await post(client, drawn, reply, place);
  } catch (error) {
    await release();
    throw error;
  }
  if (reply.kind === "answer")
    await reply.asked.record().catch((error: unknown) => deps.logger.error("Could not record a question", error));
  return reply;
}

async function post(client: Client, message: SlackMessage, reply: ConversationReply, place: ReplyPlace) {
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  if (reply.kind === "usage" && place.usageOnlyTo) {
    await client.chat.postEphemeral({ channel: place.channel, user: place.usageOnlyTo, ...thread, ...message });
    return;
  }
  // Citations link to their sources; Slack's previews of them would bury the answer.
  await client.chat.postMessage({
    channel: place.channel,
    ...thread,
    unfurl_links: false,
    unfurl_media: false,
    ...message,
  });
}

/**
 * Waits for the event loop's next turn. The work between Slack calls (the database, the search,
 * drawing the answer) runs without a pause otherwise, and requests arriving meanwhile, events to
 * acknowledge within Slack's 3 seconds among them, would queue behind it.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
