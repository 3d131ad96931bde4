import { z } from "zod";
import { decodeSlackText } from "../../../slack/format";

/**
 * The text of a message a shortcut was used on. A message may have no `text` at all (only blocks,
 * attachments or files), so the quote falls back to what a reader would see in those.
 */
const textObject = z.object({ text: z.string() }).loose();
const richElement = z
  .object({
    type: z.string().optional(),
    text: z.union([z.string(), textObject]).optional(),
    fields: z.array(textObject).optional(),
    user_id: z.string().optional(),
    url: z.string().optional(),
    elements: z.array(z.unknown()).optional(),
  })
  .loose();

const messageSchema = z
  .object({
    text: z.string().optional().default(""),
    user: z.string().optional(),
    username: z.string().optional(),
    ts: z.string(),
    thread_ts: z.string().optional(),
    reply_users: z.array(z.string()).optional(),
    parent_user_id: z.string().optional(),
    bot_profile: z.object({ name: z.string().optional() }).loose().optional(),
    blocks: z.array(z.unknown()).optional(),
    attachments: z
      .array(
        z
          .object({
            pretext: z.string().optional(),
            title: z.string().optional(),
            text: z.string().optional(),
            fallback: z.string().optional(),
            files: z.array(z.object({ name: z.string().optional(), title: z.string().optional() }).loose()).optional(),
          })
          .loose(),
      )
      .optional(),
    files: z.array(z.object({ name: z.string().optional(), title: z.string().optional() }).loose()).optional(),
  })
  .loose();

export interface ShortcutMessage {
  text: string;
  author: string | null;
  ts: string;
  threadTs: string | null;
  /** People known to be in its thread: those who replied to it, and the author of the message it replies to. */
  threadPeople: string[];
}

export function readShortcutMessage(message: unknown): ShortcutMessage | null {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return null;
  const m = parsed.data;
  return {
    text: textOf(m),
    author: (m.user ?? m.bot_profile?.name ?? m.username) || null,
    ts: m.ts,
    threadTs: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
    threadPeople: [...new Set([...(m.reply_users ?? []), ...(m.parent_user_id ? [m.parent_user_id] : [])])],
  };
}

/**
 * How the person using the shortcut is connected to the message: they wrote it, or they are known
 * to be in its thread. Without history scopes the bot sees only what the shortcut carries: a
 * thread's parent lists who replied, a reply names who started the thread.
 */
export function involvementOf(message: ShortcutMessage, userId: string): "author" | "thread" | null {
  if (message.author === userId) return "author";
  return message.threadPeople.includes(userId) ? "thread" : null;
}

type Message = z.output<typeof messageSchema>;

function textOf(m: Message): string {
  // A message's own text and its attachments' arrive with Slack's escaping; rich text blocks do not.
  const candidates = [decodeSlackText(m.text), blocksText(m.blocks ?? []), attachmentsText(m), filesText(m)];
  return candidates.map((text) => text.trim()).find((text) => text.length > 0) ?? "(a message with no text)";
}

function blocksText(blocks: unknown[]): string {
  return blocks
    .map((block) => flatten(block))
    .filter(Boolean)
    .join("\n");
}

function flatten(node: unknown): string {
  const parsed = richElement.safeParse(node);
  if (!parsed.success) return "";
  const element = parsed.data;
  if (element.type === "user" && element.user_id) return `<@${element.user_id}>`;
  if (element.type === "link" && element.url) return typeof element.text === "string" ? element.text : element.url;
  const own = typeof element.text === "string" ? element.text : (element.text?.text ?? "");
  const fields = (element.fields ?? []).map((field) => field.text).join("\n");
  const children = (element.elements ?? []).map(flatten).join("");
  return [own + children, fields].filter(Boolean).join("\n");
}

function attachmentsText(m: Message): string {
  return (m.attachments ?? [])
    .map((a) =>
      [
        a.pretext && decodeSlackText(a.pretext),
        a.title,
        decodeSlackText(a.text ?? a.fallback ?? ""),
        ...(a.files ?? []).map((f) => `[file: ${f.title ?? f.name ?? "untitled"}]`),
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
}

function filesText(m: Message): string {
  return (m.files ?? []).map((f) => `[file: ${f.title ?? f.name ?? "untitled"}]`).join("\n");
}
