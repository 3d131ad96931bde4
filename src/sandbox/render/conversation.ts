import type { StoredEphemeral, StoredFile, StoredMessage } from "@localism/slack-standin";
import { renderBlocks } from "./blocks";
import { dateOfTs, dayDivider } from "./days";
import type { RenderContext } from "./elements";
import { EMPTY, html, type SafeHtml } from "./html";
import { EYE } from "./icons";
import { mrkdwn } from "./mrkdwn";

/** What a conversation needs to know about its authors and files. */
export interface ConversationContext extends RenderContext {
  channelId: string;
  author(message: StoredMessage | StoredEphemeral): { name: string; isApp: boolean; id: string };
  file(id: string): StoredFile | undefined;
  /** Message shortcuts exist: offer "More actions" on messages people can act on. */
  moreActions: boolean;
  /** For the day dividers ("Today", "Yesterday"). */
  now: Date;
  /** The feedback buttons the viewer pressed on a message. */
  feedbackOf(message: StoredMessage): Record<string, "positive" | "negative">;
}

type Item =
  | { kind: "message"; message: StoredMessage; replies: number }
  | { kind: "ephemeral"; ephemeral: StoredEphemeral };

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
const FULL = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" });

function initials(name: string): string {
  const words = name
    .replace(/^(Dr|Mr|Mrs|Ms|Prof)\.? /, "")
    .split(/[\s.-]+/)
    .filter(Boolean);
  return words
    .map((w) => w[0]?.toUpperCase() ?? "")
    .slice(0, 2)
    .join("");
}

/** One of eight avatar colours, the same for a person every time. */
function hue(id: string): number {
  return [...id].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 8;
}

function avatar(author: { name: string; isApp: boolean; id: string }): SafeHtml {
  return html`<div class="avatar ${author.isApp ? "avatar-app" : `avatar-${hue(author.id)}`}" aria-hidden="true">${author.isApp ? "lb" : initials(author.name)}</div>`;
}

function content(entry: StoredMessage | StoredEphemeral, ctx: ConversationContext): SafeHtml {
  const feedback = "reply_count" in entry ? ctx.feedbackOf(entry) : {};
  if (entry.blocks && entry.blocks.length > 0) return renderBlocks(entry.blocks, ctx, { feedback });
  return mrkdwn(entry.text, ctx.directory);
}

function extension(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1, dot + 5).toUpperCase() : "FILE";
}

function files(message: StoredMessage, ctx: ConversationContext): SafeHtml {
  const shared = (message.files ?? []).flatMap((id) => ctx.file(id) ?? []);
  if (shared.length === 0) return EMPTY;
  return html`<div class="msg-files">${shared.map((f) => html`<a class="file-chip" href="/sandbox/files/${f.id}" download="${f.filename}"><span class="file-icon" aria-hidden="true">${extension(f.filename)}</span> ${f.title} <span class="file-size">${f.bytes?.length ?? 0} bytes</span></a>`)}</div>`;
}

function meta(entry: StoredMessage | StoredEphemeral, ctx: ConversationContext): SafeHtml {
  const author = ctx.author(entry);
  const when = dateOfTs(entry.ts);
  const edited = "edited" in entry && entry.edited ? html`<span class="edited">(edited)</span>` : EMPTY;
  return html`<div class="msg-meta"><span class="msg-author">${author.name}</span>${author.isApp ? html`<span class="app-badge">APP</span>` : EMPTY}<time datetime="${when.toISOString()}" title="${FULL.format(when)}">${TIME.format(when)}</time>${edited}</div>`;
}

/** A channel's system message ("localism-bot was added to #x by y"), as Slack shows them: small and grey. */
function systemHtml(message: StoredMessage, ctx: ConversationContext): SafeHtml {
  return html`<div class="msg-system" data-ts="${message.ts}">${mrkdwn(message.text, ctx.directory)}</div>`;
}

function messageHtml(message: StoredMessage, replies: number, ctx: ConversationContext): SafeHtml {
  if (message.subtype === "channel_join") return systemHtml(message, ctx);
  const more = ctx.moreActions
    ? html`<button type="button" class="msg-more" data-more-actions aria-label="More actions" title="More actions">⋮</button>`
    : EMPTY;
  const thread =
    replies > 0
      ? html`<button type="button" class="thread-count" data-open-thread="${message.ts}">${replies} ${replies === 1 ? "reply" : "replies"}</button>`
      : EMPTY;
  return html`<article class="msg" data-container="message" data-channel="${ctx.channelId}" data-ts="${message.ts}">${avatar(ctx.author(message))}<div class="msg-body">${meta(message, ctx)}<div class="msg-content">${content(message, ctx)}</div>${files(message, ctx)}${thread}</div>${more}</article>`;
}

function ephemeralHtml(ephemeral: StoredEphemeral, ctx: ConversationContext): SafeHtml {
  return html`<article class="msg ephemeral" data-container="message" data-channel="${ctx.channelId}" data-ts="${ephemeral.ts}" data-ephemeral>${avatar(ctx.author(ephemeral))}<div class="msg-body">${meta(ephemeral, ctx)}<div class="ephemeral-note">${EYE} Only visible to you <button type="button" class="ephemeral-dismiss" data-dismiss>Dismiss message</button></div><div class="msg-content">${content(ephemeral, ctx)}</div></div></article>`;
}

function tsOf(item: Item): string {
  return item.kind === "message" ? item.message.ts : item.ephemeral.ts;
}

/** Oldest first, each day headed by its date, as Slack shows a conversation. */
function itemsHtml(items: Item[], ctx: ConversationContext): SafeHtml {
  items.sort((a, b) => Number(tsOf(a)) - Number(tsOf(b)));
  return html`${items.map((item, n) => {
    const previous = items[n - 1];
    const divider = dayDivider(tsOf(item), previous ? tsOf(previous) : undefined, ctx.now);
    const body =
      item.kind === "message" ? messageHtml(item.message, item.replies, ctx) : ephemeralHtml(item.ephemeral, ctx);
    return html`${divider}${body}`;
  })}`;
}

/**
 * A conversation as Slack shows it: top-level messages oldest first under their day's date, each
 * thread as "N replies" (opened beside the conversation), and the viewer's ephemeral messages.
 */
export function renderConversation(
  messages: StoredMessage[],
  ephemerals: StoredEphemeral[],
  ctx: ConversationContext,
  emptyNote: string,
): SafeHtml {
  const isReply = (m: StoredMessage) =>
    m.thread_ts !== undefined && m.thread_ts !== m.ts && messages.some((p) => p.ts === m.thread_ts);
  const tops = messages.filter((m) => !isReply(m));
  const items: Item[] = [
    ...tops.map(
      (message): Item => ({
        kind: "message",
        message,
        replies: messages.filter((r) => r.thread_ts === message.ts && r.ts !== message.ts).length,
      }),
    ),
    ...ephemerals.map((ephemeral): Item => ({ kind: "ephemeral", ephemeral })),
  ];
  if (items.length === 0) return html`<p class="empty-note">${emptyNote}</p>`;
  return itemsHtml(items, ctx);
}

/** A thread in its panel: the first message, "N replies", then the replies and the viewer's ephemeral messages there. */
export function renderThread(
  root: StoredMessage,
  replies: StoredMessage[],
  ephemerals: StoredEphemeral[],
  ctx: ConversationContext,
): SafeHtml {
  const count = replies.length;
  const items: Item[] = [
    ...replies.map((message): Item => ({ kind: "message", message, replies: 0 })),
    ...ephemerals.map((ephemeral): Item => ({ kind: "ephemeral", ephemeral })),
  ];
  const divider =
    count > 0
      ? html`<div class="thread-divider"><span>${count} ${count === 1 ? "reply" : "replies"}</span></div>`
      : EMPTY;
  return html`${dayDivider(root.ts, undefined, ctx.now)}${messageHtml(root, 0, ctx)}${divider}${itemsHtml(items, ctx)}`;
}

/** The messages of an assistant thread (its root is Slack's own and not shown). */
export function renderAssistantThread(
  replies: StoredMessage[],
  ephemerals: StoredEphemeral[],
  ctx: ConversationContext,
): SafeHtml {
  const items: Item[] = [
    ...replies.map((message): Item => ({ kind: "message", message, replies: 0 })),
    ...ephemerals.map((ephemeral): Item => ({ kind: "ephemeral", ephemeral })),
  ];
  return itemsHtml(items, ctx);
}
