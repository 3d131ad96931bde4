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
  /** Where the composer sends, or null where there is none (App Home). */
  composer: { channel: string; placeholder: string; plainTextAllowed: boolean } | null;
  commands: CommandInfo[];
  messageShortcuts: ShortcutInfo[];
  globalShortcuts: ShortcutInfo[];
  modalViewId: string | null;
  /** Server-rendered, escaped HTML for each part of the page. */
  regions: { topbar: string; sidebar: string; header: string; pane: string; modal: string };
}

export type UserValue = string | string[] | null;

export type Container =
  | { type: "message"; channel: string; ts: string; ephemeral: boolean }
  | { type: "view"; viewId: string };

/** Bodies of POST /sandbox/api/<name>. */
export interface ApiRequests {
  message: { as: string; channel: string; text: string };
  shortcut: { as: string; callbackId: string; channel?: string; ts?: string };
  action: { as: string; container: Container; actionId: string; blockId: string; value?: UserValue };
  submit: { as: string; viewId: string; values: Record<string, Record<string, UserValue>> };
  close: { as: string; viewId: string };
  home: { as: string };
}

export type ApiOutcome = { ok: true } | { ok: false; error: string };
