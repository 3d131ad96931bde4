// The panel beside the conversation: a thread, or the person's assistant thread.
import type { AssistantThread, StoredMessage } from "@localism/slack-standin";
import { renderAssistantThread, renderThread } from "../render/conversation";
import { renderAssistantPanel, renderThreadPanel } from "../render/panels";
import { conversationContext, conversationMessages, ephemeralsIn } from "./conversations";
import type { SandboxWorld } from "./world";

/** A thread's first message in a conversation the person has open, or the person's own assistant thread. */
export function settlePanel(
  world: SandboxWorld,
  as: string,
  conversationId: string | undefined,
  requested: string | undefined,
): { kind: "thread"; root: StoredMessage } | { kind: "assistant"; thread: AssistantThread } | null {
  const [kind, first, second] = (requested ?? "").split(":");
  if (kind === "thread" && conversationId && first) {
    const root = conversationMessages(world, conversationId).find((m) => m.ts === first);
    return root ? { kind: "thread", root } : null;
  }
  if (kind === "assistant" && world.manifest.assistant && first && second) {
    const thread = world.standin.context.assistantThreads.find(first, second);
    return thread?.user === as ? { kind: "assistant", thread } : null;
  }
  return null;
}

export function threadPanel(world: SandboxWorld, as: string, root: StoredMessage) {
  const { workspace } = world.standin;
  const channel = workspace.channel(root.channel);
  const replies = world.standin.threadReplies(root.channel, root.ts);
  const ephemerals = ephemeralsIn(world, root.channel, as).filter((e) => e.thread_ts === root.ts);
  const where = channel?.is_im ? world.manifest.name : `#${channel?.name ?? root.channel}`;
  const body = renderThread(root, replies, ephemerals, conversationContext(world, root.channel, as));
  return {
    html: renderThreadPanel(where, body, { channel: root.channel, threadTs: root.ts, placeholder: "Reply…" }),
    info: { kind: "thread" as const, key: `thread:${root.ts}`, channel: root.channel, threadTs: root.ts },
  };
}

export function assistantPanel(world: SandboxWorld, as: string, thread: AssistantThread) {
  const { manifest, standin } = world;
  const replies = standin.threadReplies(thread.channel, thread.thread_ts);
  const ephemerals = ephemeralsIn(world, thread.channel, as).filter((e) => e.thread_ts === thread.thread_ts);
  const asked = replies.some((m) => m.user === as);
  const fromManifest = manifest.assistant?.suggestedPrompts ?? [];
  const prompts = asked ? [] : thread.suggested_prompts.length > 0 ? thread.suggested_prompts : fromManifest;
  const body = renderAssistantThread(replies, ephemerals, conversationContext(world, thread.channel, as));
  return {
    html: renderAssistantPanel({
      appName: manifest.name,
      title: thread.title ?? "New chat",
      status: thread.status,
      promptsTitle: thread.prompts_title ?? "Suggested",
      prompts,
      body,
      composer: { channel: thread.channel, threadTs: thread.thread_ts, placeholder: `Message ${manifest.name}` },
    }),
    info: {
      kind: "assistant" as const,
      key: `assistant:${thread.channel}:${thread.thread_ts}`,
      channel: thread.channel,
      threadTs: thread.thread_ts,
    },
  };
}
