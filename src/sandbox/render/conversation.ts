import type { StoredEphemeral, StoredFile, StoredMessage } from "@localism/slack-standin";
import { renderBlocks } from "./blocks";
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
}

type Item =
  | { kind: "message"; message: StoredMessage; replies: StoredMessage[] }
  | { kind: "ephemeral"; ephemeral: StoredEphemeral };

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
const FULL = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" });

function dateOf(ts: string): Date {
  return new Date(Number(ts) * 1000);
}

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
  if (entry.blocks && entry.blocks.length > 0) return renderBlocks(entry.blocks, ctx);
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
  const when = dateOf(entry.ts);
  const edited = "edited" in entry && entry.edited ? html`<span class="edited">(edited)</span>` : EMPTY;
  return html`<div class="msg-meta"><span class="msg-author">${author.name}</span>${author.isApp ? html`<span class="app-badge">APP</span>` : EMPTY}<time datetime="${when.toISOString()}" title="${FULL.format(when)}">${TIME.format(when)}</time>${edited}</div>`;
}

function messageHtml(message: StoredMessage, replies: StoredMessage[], ctx: ConversationContext): SafeHtml {
  const more = ctx.moreActions
    ? html`<button type="button" class="msg-more" data-more-actions aria-label="More actions" title="More actions">⋮</button>`
    : EMPTY;
  const thread =
    replies.length > 0
      ? html`<div class="thread" aria-label="Thread"><div class="thread-count">${replies.length} ${replies.length === 1 ? "reply" : "replies"}</div>${replies.map((r) => messageHtml(r, [], ctx))}</div>`
      : EMPTY;
  return html`<article class="msg" data-container="message" data-channel="${ctx.channelId}" data-ts="${message.ts}">${avatar(ctx.author(message))}<div class="msg-body">${meta(message, ctx)}<div class="msg-content">${content(message, ctx)}</div>${files(message, ctx)}${thread}</div>${more}</article>`;
}

function ephemeralHtml(ephemeral: StoredEphemeral, ctx: ConversationContext): SafeHtml {
  return html`<article class="msg ephemeral" data-container="message" data-channel="${ctx.channelId}" data-ts="${ephemeral.ts}" data-ephemeral>${avatar(ctx.author(ephemeral))}<div class="msg-body">${meta(ephemeral, ctx)}<div class="ephemeral-note">${EYE} Only visible to you</div><div class="msg-content">${content(ephemeral, ctx)}</div></div></article>`;
}

/** Messages (threads under their first message) and the viewer's ephemeral messages, oldest first. */
export function renderConversation(
  messages: StoredMessage[],
  ephemerals: StoredEphemeral[],
  ctx: ConversationContext,
  emptyNote: string,
): SafeHtml {
  const tops = messages.filter(
    (m) => !m.thread_ts || m.thread_ts === m.ts || !messages.some((p) => p.ts === m.thread_ts),
  );
  const items: Item[] = [
    ...tops.map(
      (message): Item => ({
        kind: "message",
        message,
        replies: messages.filter((r) => r.thread_ts === message.ts && r.ts !== message.ts),
      }),
    ),
    ...ephemerals.map((ephemeral): Item => ({ kind: "ephemeral", ephemeral })),
  ];
  const tsOf = (item: Item) => Number(item.kind === "message" ? item.message.ts : item.ephemeral.ts);
  items.sort((a, b) => tsOf(a) - tsOf(b));
  if (items.length === 0) return html`<p class="empty-note">${emptyNote}</p>`;
  return html`${items.map((item) => (item.kind === "message" ? messageHtml(item.message, item.replies, ctx) : ephemeralHtml(item.ephemeral, ctx)))}`;
}
