import type { ChangeFeed } from "./changes";
import type { AssistantThread } from "./types";

/** Assistant threads (the assistant panel), by DM channel and root ts. */
export class AssistantThreadStore {
  private readonly threads = new Map<string, AssistantThread>();

  constructor(private readonly changes: ChangeFeed) {}

  open(thread: Pick<AssistantThread, "channel" | "thread_ts" | "user" | "context">): AssistantThread {
    const opened: AssistantThread = { ...thread, status: "", loading_messages: [], suggested_prompts: [] };
    this.threads.set(key(thread.channel, thread.thread_ts), opened);
    this.changes.notify();
    return opened;
  }

  find(channel: string, threadTs: string): AssistantThread | undefined {
    return this.threads.get(key(channel, threadTs));
  }

  /** The user's threads, newest first. */
  of(user: string): AssistantThread[] {
    return [...this.threads.values()]
      .filter((thread) => thread.user === user)
      .sort((a, b) => Number(b.thread_ts) - Number(a.thread_ts));
  }

  change(thread: AssistantThread, change: Partial<Omit<AssistantThread, "channel" | "thread_ts" | "user">>): void {
    Object.assign(thread, change);
    this.changes.notify();
  }

  /** Slack clears the status as soon as the app replies in the thread. */
  replied(channel: string, threadTs: string | undefined): void {
    const thread = threadTs ? this.find(channel, threadTs) : undefined;
    if (thread?.status) this.change(thread, { status: "", loading_messages: [] });
  }
}

function key(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}
