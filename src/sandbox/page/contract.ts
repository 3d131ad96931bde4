/** What the sandbox server and the page's script say to each other (types only: shared by both). */

export interface CommandInfo {
  command: string;
  description: string;
  usageHint: string;
}

export interface ShortcutInfo {
  name: string;
  callbackId: string;
  description: string;
}

export interface PageState {
  /** The stand-in's change version this state was read at. */
  version: number;
  /** The acting person and what they have open ("C...", "G...", "app:home" or "app:messages"), as the server settled them. */
  as: string;
  open: string;
  /** The panel beside the conversation, as the server settled it: a thread, or the app's assistant. */
  panel: { kind: "thread" | "assistant"; key: string; channel: string; threadTs: string } | null;
  /** The app has an assistant panel (its manifest's assistant_view). */
  assistant: boolean;
  /** Where the composer sends, or null where there is none (App Home). */
  composer: { channel: string; placeholder: string; plainTextAllowed: boolean } | null;
  commands: CommandInfo[];
  messageShortcuts: ShortcutInfo[];
  globalShortcuts: ShortcutInfo[];
  modalViewId: string | null;
  /** Server-rendered, escaped HTML for each part of the page. */
  regions: { topbar: string; sidebar: string; header: string; pane: string; panel: string; modal: string };
}

export type UserValue = string | string[] | null;

export type Container =
  | { type: "message"; channel: string; ts: string; ephemeral: boolean }
  | { type: "view"; viewId: string };

/** Bodies of POST /sandbox/api/<name>. */
export interface ApiRequests {
  message: { as: string; channel: string; text: string; threadTs?: string };
  shortcut: { as: string; callbackId: string; channel?: string; ts?: string };
  /** In a modal, `values` is what is typed in its inputs: Slack sends it in the action's view.state. */
  action: {
    as: string;
    container: Container;
    actionId: string;
    blockId: string;
    value?: UserValue;
    values?: Record<string, Record<string, UserValue>>;
  };
  submit: { as: string; viewId: string; values: Record<string, Record<string, UserValue>> };
  close: { as: string; viewId: string };
  home: { as: string };
  /** "Dismiss message" on an ephemeral message. */
  dismiss: { as: string; channel: string; ts: string };
  /** Opens the app's assistant panel: a new thread, with the conversation in view as its context. */
  assistant: { as: string; viewing?: string };
  /** The person moved to another conversation with the assistant panel open. */
  assistantContext: { as: string; channel: string; threadTs: string; viewing?: string };
}

/** `panel`: what to open beside the conversation afterwards (a new assistant thread). */
export type ApiOutcome = { ok: true; panel?: string } | { ok: false; error: string };
