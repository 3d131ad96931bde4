import type { IdFactory } from "../ids";
import type { ChangeFeed } from "./changes";
import type { Block, EphemeralSource, StoredEphemeral, StoredMessage } from "./types";

export interface NewMessage {
  channel: string;
  text: string;
  subtype?: string;
  client_msg_id?: string;
  blocks?: Block[];
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  metadata?: unknown;
  files?: string[];
}

export interface NewEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
  source: EphemeralSource;
}

/** Channel messages (with threads) and ephemeral messages, in posting order. */
export class MessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();
  private readonly ephemerals: StoredEphemeral[] = [];
  /** Which feedback button each person last pressed on a message: Slack draws it pressed, for them. */
  private readonly feedback = new Map<string, "positive" | "negative">();

  constructor(
    private readonly ids: IdFactory,
    private readonly changes: ChangeFeed,
  ) {}

  /** `at` backdates the message (seeding a channel's history); messages must be posted oldest first. */
  post(input: NewMessage, at?: Date): StoredMessage {
    const message: StoredMessage = { ...input, ts: this.ids.ts(at), reply_count: 0, reply_users: [] };
    if (input.thread_ts) this.noteReply(input.channel, input.thread_ts, message);
    this.listFor(input.channel).push(message);
    this.changes.notify();
    return message;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.byChannel.get(channel)?.find((m) => m.ts === ts);
  }

  /** Every message in the channel, thread replies included, oldest first. */
  inChannel(channel: string): StoredMessage[] {
    return [...(this.byChannel.get(channel) ?? [])];
  }

  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.inChannel(channel).filter((m) => m.thread_ts === threadTs && m.ts !== threadTs);
  }

  update(message: StoredMessage, change: Pick<StoredMessage, "text" | "blocks">, editor: string): void {
    message.text = change.text;
    message.blocks = change.blocks;
    message.edited = { user: editor, ts: this.ids.ts() };
    this.changes.notify();
  }

  remove(channel: string, ts: string): boolean {
    const list = this.byChannel.get(channel);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.changes.notify();
    return true;
  }

  postEphemeral(input: NewEphemeral): StoredEphemeral {
    const ephemeral: StoredEphemeral = { ...input, ts: this.ids.ts(), deleted: false };
    this.ephemerals.push(ephemeral);
    this.changes.notify();
    return ephemeral;
  }

  /** What replace_original does to an ephemeral message: new content, same place. */
  replaceEphemeral(ephemeral: StoredEphemeral, change: Pick<StoredEphemeral, "text" | "blocks">): void {
    ephemeral.text = change.text;
    ephemeral.blocks = change.blocks;
    this.changes.notify();
  }

  deleteEphemeral(ephemeral: StoredEphemeral): void {
    ephemeral.deleted = true;
    this.changes.notify();
  }

  findEphemeral(channel: string, ts: string): StoredEphemeral | undefined {
    return this.ephemerals.find((e) => e.channel === channel && e.ts === ts && !e.deleted);
  }

  /** Ephemeral messages still visible to the user, oldest first. */
  ephemeralsFor(user: string): StoredEphemeral[] {
    return this.ephemerals.filter((e) => e.user === user && !e.deleted);
  }

  pressFeedback(
    message: { channel: string; ts: string },
    actionId: string,
    user: string,
    side: "positive" | "negative",
  ): void {
    this.feedback.set(`${message.channel} ${message.ts} ${actionId} ${user}`, side);
    this.changes.notify();
  }

  /** The feedback buttons this person pressed on a message, by action_id. */
  feedbackOf(message: { channel: string; ts: string }, user: string): Record<string, "positive" | "negative"> {
    const prefix = `${message.channel} ${message.ts} `;
    const pressed: Record<string, "positive" | "negative"> = {};
    for (const [key, side] of this.feedback) {
      const [, , actionId, who] = key.split(" ");
      if (key.startsWith(prefix) && who === user && actionId) pressed[actionId] = side;
    }
    return pressed;
  }

  private listFor(channel: string): StoredMessage[] {
    let list = this.byChannel.get(channel);
    if (!list) {
      list = [];
      this.byChannel.set(channel, list);
    }
    return list;
  }

  private noteReply(channel: string, threadTs: string, reply: StoredMessage): void {
    const parent = this.find(channel, threadTs);
    if (!parent) return;
    parent.thread_ts = parent.ts;
    parent.reply_count += 1;
    parent.latest_reply = reply.ts;
    const author = reply.user ?? reply.bot_id;
    if (author && !parent.reply_users.includes(author)) parent.reply_users.push(author);
  }
}
