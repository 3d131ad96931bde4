import type { Block } from "@localism/slack-standin";
import { controlId, type ElementPlace, type RenderContext, renderElement } from "./elements";
import { EMPTY, html, type SafeHtml, safeUrl } from "./html";
import { richText } from "./rich-text";
import { isRecord, records, str, textObject, textOf } from "./text";

/** What the stand-in remembers about a modal beyond its blocks: earlier choices and input errors. */
export interface SurfaceState {
  values?: Record<string, Record<string, Record<string, unknown>>>;
  errors?: Record<string, string>;
  /** Feedback buttons the viewer pressed on this message, by action_id: Slack draws them pressed. */
  feedback?: Record<string, "positive" | "negative">;
}

type BlockRenderer = (block: Block, ctx: RenderContext, surface: SurfaceState) => SafeHtml;

function place(block: Block, element: Block, surface: SurfaceState, inInput: boolean): ElementPlace {
  const blockId = str(block.block_id);
  return {
    blockId,
    inInput,
    dispatch: !inInput || block.dispatch_action === true,
    required: inInput && block.optional !== true,
    entry: surface.values?.[blockId]?.[str(element.action_id)],
  };
}

const section: BlockRenderer = (block, ctx, surface) => {
  const fields = records(block.fields);
  const accessory = isRecord(block.accessory)
    ? html`<div class="bk-accessory">${renderElement(block.accessory, place(block, block.accessory, surface, false), ctx)}</div>`
    : EMPTY;
  return html`<div class="bk-section" data-block-id="${str(block.block_id)}"><div class="bk-section-body">${block.text ? html`<div class="bk-text-body">${textObject(block.text, ctx.directory)}</div>` : EMPTY}${fields.length > 0 ? html`<div class="bk-fields">${fields.map((f) => html`<div class="bk-field">${textObject(f, ctx.directory)}</div>`)}</div>` : EMPTY}</div>${accessory}</div>`;
};

const context: BlockRenderer = (block, ctx) =>
  html`<div class="bk-context">${records(block.elements).map((el) => (el.type === "image" ? renderElement(el, place(block, el, {}, false), ctx) : html`<span>${textObject(el, ctx.directory)}</span>`))}</div>`;

const actions: BlockRenderer = (block, ctx, surface) =>
  html`<div class="bk-actions" data-block-id="${str(block.block_id)}">${records(block.elements).map((el) => renderElement(el, place(block, el, surface, false), ctx))}</div>`;

const input: BlockRenderer = (block, ctx, surface) => {
  const blockId = str(block.block_id);
  const element = isRecord(block.element) ? block.element : {};
  const error = surface.errors?.[blockId];
  const id = controlId(blockId, str(element.action_id));
  return html`<div class="bk-input${error ? " has-error" : ""}" data-block-id="${blockId}"><label class="bk-label" for="${id}" id="${id}-label">${textOf(block.label)}${block.optional === true ? html` <span class="bk-optional">(optional)</span>` : EMPTY}</label>${renderElement(element, place(block, element, surface, true), ctx)}${block.hint ? html`<p class="bk-hint">${textObject(block.hint, ctx.directory)}</p>` : EMPTY}${error ? html`<p class="bk-error" role="alert">${error}</p>` : EMPTY}</div>`;
};

const image: BlockRenderer = (block, ctx) => {
  const url = safeUrl(str(block.image_url));
  const title = block.title ? html`<figcaption>${textObject(block.title, ctx.directory)}</figcaption>` : EMPTY;
  return html`<figure class="bk-image">${title}${url ? html`<img src="${url}" alt="${str(block.alt_text)}" loading="lazy">` : html`<span class="bk-unsupported">[image]</span>`}</figure>`;
};

/** Slack's thumbs up and down under a message, and icon buttons: small, quiet, pressed as the viewer left them. */
const contextActions: BlockRenderer = (block, ctx, surface) => {
  const blockId = str(block.block_id);
  const elements = records(block.elements).map((el) => {
    const actionId = str(el.action_id);
    if (el.type === "feedback_buttons") {
      const pressed = surface.feedback?.[actionId];
      const side = (name: "positive" | "negative", icon: string) => {
        const button = isRecord(el[`${name}_button`]) ? (el[`${name}_button`] as Block) : {};
        const label = str(button.accessibility_label) || textOf(button.text);
        return html`<button type="button" class="bk-feedback-btn${pressed === name ? " pressed" : ""}" data-kind="feedback" data-block-id="${blockId}" data-action-id="${actionId}" data-value="${name}" aria-pressed="${pressed === name ? "true" : "false"}" aria-label="${label}" title="${textOf(button.text)}">${icon}</button>`;
      };
      return html`<span class="bk-feedback">${side("positive", "👍")}${side("negative", "👎")}</span>`;
    }
    return html`<button type="button" class="bk-icon-btn" data-kind="button" data-block-id="${blockId}" data-action-id="${actionId}" title="${textOf(el.text)}">${textObject(el.text, ctx.directory)}</button>`;
  });
  return html`<div class="bk-context-actions" data-block-id="${blockId}">${elements}</div>`;
};

const RENDERERS: Record<string, BlockRenderer> = {
  section,
  header: (block, ctx) => html`<h3 class="bk-header">${textObject(block.text, ctx.directory)}</h3>`,
  divider: () => html`<hr class="bk-divider">`,
  context,
  actions,
  input,
  image,
  rich_text: (block, ctx) => richText(block, ctx.directory),
  context_actions: contextActions,
  video: (block) => {
    const url = safeUrl(str(block.title_url) || str(block.video_url));
    return html`<div class="bk-section">▶ ${url ? html`<a href="${url}" target="_blank" rel="noopener noreferrer">${textOf(block.title)}</a>` : textOf(block.title)}</div>`;
  },
};

/** Block Kit blocks as the sandbox page shows them; a block type it does not know says so plainly. */
export function renderBlocks(blocks: Block[], ctx: RenderContext, surface: SurfaceState = {}): SafeHtml {
  return html`${blocks.map((block) => {
    const renderer = RENDERERS[str(block.type)];
    return renderer
      ? renderer(block, ctx, surface)
      : html`<div class="bk-unsupported">This ${str(block.type) || "unknown"} block is not shown in the sandbox.</div>`;
  })}`;
}
