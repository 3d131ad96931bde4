// The conversations as the acting person sees them: their messages, their own ephemeral ones, who wrote what.
import type { AssistantThread, SlackChannel, StoredEphemeral, StoredMessage } from "@localism/slack-standin";
import { type ConversationContext, renderConversation } from "../render/conversation";
import type { RenderContext } from "../render/elements";
import type { SafeHtml } from "../render/html";
import { people, type SandboxWorld, visibleChannels } from "./world";

export function renderContext(world: SandboxWorld, as: string): RenderContext {
  const { workspace } = world.standin;
  return {
    directory: {
      userName: (id) => (id === workspace.app.botUserId ? world.manifest.botName : workspace.user(id)?.real_name),
      channelName: (id) => workspace.channel(id)?.name,
    },
    people: people(world).map((p) => ({ id: p.id, name: p.name })),
    channels: visibleChannels(world, as).map((c) => ({ id: c.id, name: c.name })),
  };
}

/** Messages of an assistant thread live in the assistant panel, not in the Messages tab. */
function assistantThreadOf(world: SandboxWorld, message: StoredMessage): AssistantThread | undefined {
  const root = message.thread_ts ?? message.ts;
  return world.standin.context.assistantThreads.find(message.channel, root);
}

/** What a conversation shows: its messages, assistant threads left out. */
export function conversationMessages(world: SandboxWorld, channel: string): StoredMessage[] {
  return world.standin.messagesIn(channel).filter((m) => !assistantThreadOf(world, m));
}

export function ephemeralsIn(world: SandboxWorld, channel: string, as: string): StoredEphemeral[] {
  return world.standin.ephemeralsFor(as).filter((e) => e.channel === channel);
}

/**
 * The viewer's ephemeral messages shown in the conversation itself: those not in a thread, and
 * those in a "thread" that has no replies yet (a note under a bare mention), which would be lost.
 */
function mainEphemerals(world: SandboxWorld, channel: string, as: string, messages: StoredMessage[]) {
  return ephemeralsIn(world, channel, as).filter(
    (e) =>
      !e.thread_ts ||
      (!messages.some((m) => m.thread_ts === e.thread_ts && m.ts !== e.thread_ts) &&
        !world.standin.context.assistantThreads.find(channel, e.thread_ts)),
  );
}

export function latestTs(world: SandboxWorld, channel: string, as: string): string {
  const seen = [...conversationMessages(world, channel), ...ephemeralsIn(world, channel, as)].map((m) => m.ts);
  return seen.sort((a, b) => Number(a) - Number(b)).at(-1) ?? "0";
}

/** The newest messages from others in a conversation, for the unread count beside it. */
export function recentFromOthers(world: SandboxWorld, channel: string, as: string): string[] {
  return conversationMessages(world, channel)
    .filter((m) => m.user !== as && m.subtype === undefined)
    .map((m) => m.ts)
    .slice(-20);
}

export function conversationContext(world: SandboxWorld, channelId: string, as: string): ConversationContext {
  const { workspace } = world.standin;
  const isApp = (m: StoredMessage | StoredEphemeral) =>
    !("reply_count" in m) || m.bot_id !== undefined || m.user === workspace.app.botUserId;
  return {
    ...renderContext(world, as),
    channelId,
    author: (m) => {
      if (isApp(m)) return { name: world.manifest.botName, isApp: true, id: workspace.app.botUserId };
      const id = "user" in m && typeof m.user === "string" ? m.user : "";
      return { name: workspace.user(id)?.real_name ?? id, isApp: false, id };
    },
    file: (id) => world.standin.file(id),
    moreActions: world.manifest.shortcuts.some((s) => s.type === "message"),
    now: world.standin.clock.now(),
    feedbackOf: (message) => world.standin.context.messages.feedbackOf(message, as),
  };
}

export function conversation(world: SandboxWorld, channel: SlackChannel, as: string, emptyNote: string): SafeHtml {
  const messages = conversationMessages(world, channel.id);
  return renderConversation(
    messages,
    mainEphemerals(world, channel.id, as, messages),
    conversationContext(world, channel.id, as),
    emptyNote,
  );
}
