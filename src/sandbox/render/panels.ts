import { EMPTY, html, type SafeHtml } from "./html";

/** Where a panel's message box sends: a thread in a conversation. */
export interface PanelComposer {
  channel: string;
  threadTs: string;
  placeholder: string;
}

function composerForm(composer: PanelComposer, label: string): SafeHtml {
  return html`<form class="panel-composer" data-channel="${composer.channel}" data-thread-ts="${composer.threadTs}"><div class="composer-box"><input class="composer-input panel-input" autocomplete="off" aria-label="${label}" placeholder="${composer.placeholder}"><button type="submit" class="composer-send">Send</button></div></form>`;
}

function closeButton(label: string): SafeHtml {
  return html`<button type="button" class="panel-close" data-close-panel aria-label="${label}" title="${label}">×</button>`;
}

/** A thread, as Slack opens it beside the conversation: the first message, its replies, a reply box. */
export function renderThreadPanel(where: string, body: SafeHtml, composer: PanelComposer): SafeHtml {
  return html`<section class="side-panel-inner" aria-label="Thread"><header class="panel-header"><div><h2 class="panel-title">Thread</h2><div class="panel-sub">${where}</div></div>${closeButton("Close thread")}</header><div class="panel-body">${body}</div>${composerForm(composer, "Reply")}</section>`;
}

export interface AssistantPanelInput {
  appName: string;
  title: string;
  /** "is searching the knowledge base…" while the app works; empty otherwise. */
  status: string;
  promptsTitle: string;
  prompts: { title: string; message: string }[];
  body: SafeHtml;
  composer: PanelComposer;
}

/** The app's assistant panel: its thread, the prompts it suggests, its status while it works. */
export function renderAssistantPanel(input: AssistantPanelInput): SafeHtml {
  const status = input.status
    ? html`<div class="assistant-status" role="status"><span class="typing" aria-hidden="true"><i></i><i></i><i></i></span> ${input.appName} ${input.status}</div>`
    : EMPTY;
  const prompts =
    input.prompts.length > 0
      ? html`<div class="assistant-prompts" aria-label="Suggested prompts"><div class="prompts-title">${input.promptsTitle}</div>${input.prompts.map((p) => html`<button type="button" class="prompt-chip" data-prompt="${p.message}">${p.title}</button>`)}</div>`
      : EMPTY;
  return html`<section class="side-panel-inner assistant-panel" aria-label="${input.appName} assistant"><header class="panel-header"><div class="assistant-heading"><span class="avatar avatar-app avatar-small" aria-hidden="true">lb</span><div><h2 class="panel-title">${input.appName}</h2><div class="panel-sub assistant-title">${input.title}</div></div></div><button type="button" class="panel-action" data-assistant-new>New chat</button>${closeButton("Close the assistant")}</header><div class="panel-body">${input.body}${status}${prompts}</div>${composerForm(input.composer, `Message ${input.appName}`)}</section>`;
}
