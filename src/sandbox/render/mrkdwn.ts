import { emojify } from "./emoji";
import { escapeHtml, html, type SafeHtml, safeUrl, trusted } from "./html";

/** Names for the mentions in a message (<@U...>, <#C...>). */
export interface Directory {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
}

const OPEN = "\u0001";
const CLOSE = "\u0002";
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers above are control characters, so typed text must not contain them
const CONTROL = /[\u0000-\u0008]/g;

/** Slack escapes only these three in message text; everything else arrives as written. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Slack mrkdwn as safe HTML: *bold*, _italic_, ~strike~, `code`, ```preformatted```, <url|links>,
 * <@user> and <#channel> mentions, > quotes, and bulleted or numbered lines as lists.
 */
export function mrkdwn(text: string, directory: Directory): SafeHtml {
  const parts = text.replace(CONTROL, "").split(/```/);
  // Odd parts sit between ``` fences; an unclosed fence is shown as text, as Slack does.
  const closed = parts.length % 2 === 1;
  return trusted(
    parts
      .map((part, i) => {
        const isCode = i % 2 === 1 && (closed || i < parts.length - 1);
        if (isCode) return html`<pre class="md-pre">${decodeEntities(part.replace(/^\n/, ""))}</pre>`.value;
        const text = i % 2 === 1 ? `\`\`\`${part}` : part;
        return text === "" ? "" : linesToHtml(text, directory);
      })
      .join(""),
  );
}

/** plain_text objects: escaped, newlines kept, :emoji: shortcodes shown unless emoji is false. */
export function plainText(text: string, emoji = true): SafeHtml {
  return trusted(escapeHtml(emoji ? emojify(text) : text).replace(/\n/g, "<br>"));
}

type LineKind = "quote" | "bullet" | "numbered" | "plain";

const QUOTE = /^(?:>|&gt;) ?(.*)$/;
const BULLET = /^\s*[•◦▪‣●\-*]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;

function kindOf(line: string): LineKind {
  if (QUOTE.test(line)) return "quote";
  if (BULLET.test(line)) return "bullet";
  if (NUMBERED.test(line)) return "numbered";
  return "plain";
}

function linesToHtml(text: string, directory: Directory): string {
  const lines = text.split("\n");
  const groups: { kind: LineKind; lines: string[] }[] = [];
  for (const line of lines) {
    const kind = kindOf(line);
    const last = groups.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
    else groups.push({ kind, lines: [line] });
  }
  return groups.map((group) => groupToHtml(group.kind, group.lines, directory)).join("");
}

function groupToHtml(kind: LineKind, lines: string[], directory: Directory): string {
  const inlineOf = (line: string) => inline(line, directory);
  switch (kind) {
    case "quote":
      return `<blockquote class="md-quote">${lines.map((l) => inlineOf(QUOTE.exec(l)?.[1] ?? "")).join("<br>")}</blockquote>`;
    case "bullet":
      return `<ul class="md-list">${lines.map((l) => `<li>${inlineOf(BULLET.exec(l)?.[1] ?? "")}</li>`).join("")}</ul>`;
    case "numbered": {
      const start = Number(NUMBERED.exec(lines[0] ?? "")?.[1] ?? 1);
      return `<ol class="md-list" start="${start}">${lines.map((l) => `<li>${inlineOf(NUMBERED.exec(l)?.[2] ?? "")}</li>`).join("")}</ol>`;
    }
    case "plain":
      return `<span class="md-lines">${lines.map(inlineOf).join("<br>")}</span>`;
  }
}

const FORMATS: [RegExp, string][] = [
  [/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "strong"],
  [/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, "em"],
  [/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g, "del"],
];

/** One line: code spans and <...> tokens are set aside, the rest escaped, then formatting applied. */
function inline(line: string, directory: Directory): string {
  const tokens: string[] = [];
  const hold = (markup: string) => `${OPEN}${tokens.push(markup) - 1}${CLOSE}`;
  const withTokens = line.replace(
    /`([^`\n]+)`|<([^<>\n]+)>/g,
    (_whole, code: string | undefined, angle: string | undefined) =>
      hold(code !== undefined ? html`<code>${decodeEntities(code)}</code>`.value : angleToken(angle ?? "", directory)),
  );
  let out = escapeHtml(emojify(decodeEntities(withTokens)));
  for (const [pattern, tag] of FORMATS)
    out = out.replace(pattern, (_whole, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  return out.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"), (_whole, i: string) => tokens[Number(i)] ?? "");
}

function mention(label: string): string {
  return html`<span class="mention">${label}</span>`.value;
}

/** <@U123>, <#C123|name>, <!here>, <!subteam^S1|@leads>, <!date^...|fallback>, <url|label>. */
function angleToken(inner: string, directory: Directory): string {
  const bar = inner.indexOf("|");
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? decodeEntities(inner.slice(bar + 1)) : undefined;
  if (target.startsWith("@")) return mention(`@${directory.userName(target.slice(1)) ?? label ?? target.slice(1)}`);
  if (target.startsWith("#")) return mention(`#${directory.channelName(target.slice(1)) ?? label ?? target.slice(1)}`);
  if (target.startsWith("!subteam^")) return mention(label ?? "@group");
  if (target.startsWith("!date^")) return escapeHtml(label ?? "");
  if (target.startsWith("!")) return mention(`@${target.slice(1)}`);
  const url = safeUrl(decodeEntities(target));
  const shown = emojify(label ?? decodeEntities(target));
  if (!url) return escapeHtml(shown);
  return html`<a href="${url}" target="_blank" rel="noopener noreferrer">${shown}</a>`.value;
}
