import type { Block } from "@localism/slack-standin";
import { emojify } from "./emoji";
import { EMPTY, html, type SafeHtml, safeUrl } from "./html";
import type { Directory } from "./mrkdwn";
import { isRecord, records, str } from "./text";

/** rich_text blocks (what Slack's own composer sends): sections, lists, quotes, preformatted. */
export function richText(block: Block, directory: Directory): SafeHtml {
  return html`<div class="bk-rich">${records(block.elements).map((el) => richElement(el, directory))}</div>`;
}

function richElement(el: Block, directory: Directory): SafeHtml {
  const inner = () => records(el.elements).map((leaf) => richLeaf(leaf, directory));
  switch (el.type) {
    case "rich_text_section":
      return html`<p class="bk-rich-section">${inner()}</p>`;
    case "rich_text_quote":
      return html`<blockquote class="md-quote">${inner()}</blockquote>`;
    case "rich_text_preformatted":
      return html`<pre class="md-pre">${inner()}</pre>`;
    case "rich_text_list": {
      const items = records(el.elements).map(
        (section) => html`<li>${records(section.elements).map((leaf) => richLeaf(leaf, directory))}</li>`,
      );
      return el.style === "ordered" ? html`<ol class="md-list">${items}</ol>` : html`<ul class="md-list">${items}</ul>`;
    }
    default:
      return EMPTY;
  }
}

function styled(content: SafeHtml, style: unknown): SafeHtml {
  if (!isRecord(style)) return content;
  let out = content;
  if (style.code) out = html`<code>${out}</code>`;
  if (style.bold) out = html`<strong>${out}</strong>`;
  if (style.italic) out = html`<em>${out}</em>`;
  if (style.strike) out = html`<del>${out}</del>`;
  return out;
}

function richLeaf(leaf: Block, directory: Directory): SafeHtml {
  switch (leaf.type) {
    case "text":
      return styled(html`${str(leaf.text)}`, leaf.style);
    case "link": {
      const url = safeUrl(str(leaf.url));
      const label = str(leaf.text) || str(leaf.url);
      return styled(
        url ? html`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>` : html`${label}`,
        leaf.style,
      );
    }
    case "user":
      return html`<span class="mention">@${directory.userName(str(leaf.user_id)) ?? str(leaf.user_id)}</span>`;
    case "channel":
      return html`<span class="mention">#${directory.channelName(str(leaf.channel_id)) ?? str(leaf.channel_id)}</span>`;
    case "usergroup":
      return html`<span class="mention">@group</span>`;
    case "broadcast":
      return html`<span class="mention">@${str(leaf.range)}</span>`;
    case "emoji":
      return html`${emojify(`:${str(leaf.name)}:`)}`;
    default:
      return EMPTY;
  }
}
