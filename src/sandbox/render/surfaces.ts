import type { StoredView } from "@localism/slack-standin";
import { renderBlocks } from "./blocks";
import type { RenderContext } from "./elements";
import { EMPTY, html, type SafeHtml } from "./html";
import { textOf } from "./text";

/** The modal on top of the person's stack, as Slack shows it: title, blocks, Close and Submit. */
export function renderModal(view: StoredView, depth: number, ctx: RenderContext): SafeHtml {
  const title = textOf(view.title) || "Modal";
  const close = textOf(view.close) || (depth > 1 ? "Back" : "Cancel");
  const submit = view.submit
    ? html`<button type="submit" class="bk-btn primary"${view.submit_disabled ? html` disabled` : EMPTY}>${textOf(view.submit)}</button>`
    : EMPTY;
  const back =
    depth > 1 ? html`<button type="button" class="modal-back" data-modal-close aria-label="Back">‹</button>` : EMPTY;
  return html`<div class="modal-backdrop"><form class="modal" role="dialog" aria-modal="true" aria-label="${title}" data-container="view" data-view-id="${view.id}" data-view-hash="${view.hash}" novalidate><header class="modal-header">${back}<h2 class="modal-title">${title}</h2><button type="button" class="modal-x" data-modal-close aria-label="Close">×</button></header><div class="modal-body">${renderBlocks(view.blocks, ctx, { values: view.state.values, errors: view.errors })}</div><footer class="modal-footer"><button type="button" class="bk-btn" data-modal-close>${close}</button>${submit}</footer></form></div>`;
}

/** The App Home tab the bot published for this person, or a note that it has not yet. */
export function renderHome(view: StoredView | undefined, ctx: RenderContext, appName: string): SafeHtml {
  if (!view) return html`<p class="empty-note">Opening ${appName}'s Home tab…</p>`;
  return html`<div class="home" data-container="view" data-view-id="${view.id}">${renderBlocks(view.blocks, ctx, { values: view.state.values })}</div>`;
}
