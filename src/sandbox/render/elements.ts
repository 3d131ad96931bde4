import type { Block } from "@localism/slack-standin";
import { EMPTY, html, type SafeHtml, safeUrl } from "./html";
import type { Directory } from "./mrkdwn";
import { isRecord, records, str, textObject, textOf } from "./text";
import { type Current, currentValue, isChosen } from "./values";

/** Who and where a surface can name: for mentions and for users/conversations selects. */
export interface RenderContext {
  directory: Directory;
  people: { id: string; name: string }[];
  channels: { id: string; name: string }[];
}

/** Where an element sits: its block, whether a form holds it, and what the person chose before. */
export interface ElementPlace {
  blockId: string;
  /** In an input block: part of the modal's form, sent on submit (unless the block dispatches actions). */
  inInput: boolean;
  dispatch: boolean;
  required: boolean;
  entry?: Record<string, unknown>;
}

type ElementRenderer = (element: Block, place: ElementPlace, ctx: RenderContext) => SafeHtml;

/** The id an input block's label points at. */
export function controlId(blockId: string, actionId: string): string {
  return `bk-${blockId}-${actionId}`;
}

/** id and data-* attributes the page's script reads to send block_actions or collect a form. */
function dataAttributes(element: Block, place: ElementPlace, kind: string): SafeHtml {
  const actionId = str(element.action_id);
  return html`id="${controlId(place.blockId, actionId)}" data-kind="${kind}" data-block-id="${place.blockId}" data-action-id="${actionId}"${place.dispatch ? html` data-dispatch` : EMPTY}`;
}

/** A confirm dialog's words, for the page to draw it as Slack does (red confirm button for style "danger"). */
function confirmAttribute(element: Block): SafeHtml {
  if (!isRecord(element.confirm)) return EMPTY;
  const { title, text, confirm, deny, style } = element.confirm;
  return html` data-confirm-title="${textOf(title) || "Are you sure?"}" data-confirm-text="${textOf(text)}" data-confirm-yes="${textOf(confirm) || "Yes"}" data-confirm-no="${textOf(deny) || "Cancel"}"${style === "danger" ? html` data-confirm-style="danger"` : EMPTY}`;
}

const button: ElementRenderer = (el, place, ctx) => {
  const style = el.style === "primary" || el.style === "danger" ? ` ${el.style}` : "";
  const url = typeof el.url === "string" ? safeUrl(el.url) : undefined;
  return html`<button type="button" class="bk-btn${style}" ${dataAttributes(el, { ...place, dispatch: true }, "button")}${url ? html` data-url="${url}"` : EMPTY}${confirmAttribute(el)}>${textObject(el.text, ctx.directory)}</button>`;
};

interface Choice {
  value: string;
  label: string;
  description?: string;
}

function choicesOf(el: Block, ctx: RenderContext): { group?: string; choices: Choice[] }[] {
  const toChoice = (o: Block): Choice => ({
    value: str(o.value),
    label: textOf(o.text),
    description: textOf(o.description) || undefined,
  });
  switch (el.type) {
    case "users_select":
    case "multi_users_select":
      return [{ choices: ctx.people.map((p) => ({ value: p.id, label: p.name })) }];
    case "conversations_select":
    case "multi_conversations_select":
    case "channels_select":
    case "multi_channels_select":
      return [{ choices: ctx.channels.map((c) => ({ value: c.id, label: `#${c.name}` })) }];
  }
  if (Array.isArray(el.option_groups)) {
    return records(el.option_groups).map((g) => ({
      group: textOf(g.label),
      choices: records(g.options).map(toChoice),
    }));
  }
  return [{ choices: records(el.options).map(toChoice) }];
}

function optionTags(groups: { group?: string; choices: Choice[] }[], current: Current): SafeHtml {
  const tags = (choices: Choice[]) =>
    choices.map(
      (c) =>
        html`<option value="${c.value}"${isChosen(current, c.value) ? html` selected` : EMPTY}>${c.label}</option>`,
    );
  return html`${groups.map((g) => (g.group ? html`<optgroup label="${g.group}">${tags(g.choices)}</optgroup>` : tags(g.choices)))}`;
}

const select: ElementRenderer = (el, place, ctx) => {
  const current = currentValue(el, place.entry);
  const multiple = String(el.type).startsWith("multi_");
  const placeholder = textOf(el.placeholder) || (multiple ? "Select options" : "Select an option");
  // In an input block the block's label names the select; elsewhere its placeholder does.
  const name = place.inInput ? EMPTY : html` aria-label="${placeholder}"`;
  return html`<select class="bk-select"${multiple ? html` multiple` : EMPTY}${place.required ? html` required` : EMPTY}${name} ${dataAttributes(el, place, multiple ? "multi" : "select")}>${multiple ? EMPTY : html`<option value="">${placeholder}</option>`}${optionTags(choicesOf(el, ctx), current)}</select>`;
};

const overflow: ElementRenderer = (el, place, ctx) =>
  html`<select class="bk-overflow" aria-label="More options" ${dataAttributes(el, { ...place, dispatch: true }, "overflow")}><option value="" selected>⋯</option>${optionTags(choicesOf(el, ctx), null)}</select>`;

function choiceList(el: Block, place: ElementPlace, ctx: RenderContext, type: "radio" | "checkbox"): SafeHtml {
  const current = currentValue(el, place.entry);
  const name = `${place.blockId}/${str(el.action_id)}`;
  const items = records(el.options).map((o) => {
    const value = str(o.value);
    const checked = isChosen(current, value);
    const description = isRecord(o.description)
      ? html`<span class="bk-choice-description">${textObject(o.description, ctx.directory)}</span>`
      : EMPTY;
    return html`<label class="bk-choice"><input type="${type}" name="${name}" value="${value}"${checked ? html` checked` : EMPTY}${place.required && type === "radio" ? html` required` : EMPTY}><span>${textObject(o.text, ctx.directory)}${description}</span></label>`;
  });
  const labelledBy = place.inInput
    ? html` aria-labelledby="${controlId(place.blockId, str(el.action_id))}-label"`
    : EMPTY;
  return html`<div class="bk-choices" role="${type === "radio" ? "radiogroup" : "group"}"${labelledBy} ${dataAttributes(el, place, type === "radio" ? "radio" : "checkboxes")}>${items}</div>`;
}

const textInput =
  (inputType: string): ElementRenderer =>
  (el, place) => {
    const current = currentValue(el, place.entry);
    const value = typeof current === "string" ? current : "";
    const attrs = html`class="bk-text" placeholder="${textOf(el.placeholder)}"${typeof el.min_length === "number" ? html` minlength="${el.min_length}"` : EMPTY}${typeof el.max_length === "number" ? html` maxlength="${el.max_length}"` : EMPTY}${place.required ? html` required` : EMPTY} ${dataAttributes(el, place, "text")}`;
    if (el.multiline === true) return html`<textarea rows="4" ${attrs}>${value}</textarea>`;
    return html`<input type="${inputType}" value="${value}" ${attrs}>`;
  };

const picker =
  (inputType: "date" | "time"): ElementRenderer =>
  (el, place) => {
    const current = currentValue(el, place.entry);
    return html`<input type="${inputType}" class="bk-text" value="${typeof current === "string" ? current : ""}"${place.required ? html` required` : EMPTY} ${dataAttributes(el, place, inputType)}>`;
  };

const image: ElementRenderer = (el) => {
  const url = safeUrl(str(el.image_url));
  return url
    ? html`<img class="bk-image-element" src="${url}" alt="${str(el.alt_text)}">`
    : html`<span class="bk-unsupported">[image]</span>`;
};

const RENDERERS: Record<string, ElementRenderer> = {
  button,
  static_select: select,
  external_select: select,
  users_select: select,
  conversations_select: select,
  channels_select: select,
  multi_static_select: select,
  multi_external_select: select,
  multi_users_select: select,
  multi_conversations_select: select,
  multi_channels_select: select,
  overflow,
  radio_buttons: (el, place, ctx) => choiceList(el, place, ctx, "radio"),
  checkboxes: (el, place, ctx) => choiceList(el, place, ctx, "checkbox"),
  plain_text_input: textInput("text"),
  email_text_input: textInput("email"),
  url_text_input: textInput("url"),
  number_input: textInput("number"),
  datepicker: picker("date"),
  timepicker: picker("time"),
  image,
};

export function renderElement(element: Block, place: ElementPlace, ctx: RenderContext): SafeHtml {
  const renderer = RENDERERS[str(element.type)];
  return renderer
    ? renderer(element, place, ctx)
    : html`<span class="bk-unsupported">[${str(element.type) || "unknown"} element]</span>`;
}
