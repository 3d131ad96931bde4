/** Plain data kept by the stand-in: the workspace as Slack would know it. */

export type Block = Record<string, unknown>;

export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
}

/** Who "the app" is inside the stand-in workspace. */
export interface AppIdentity {
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
}

export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
  is_admin: boolean;
  deleted: boolean;
  tz: string;
  email?: string;
}

export interface SlackChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  is_mpim: boolean;
  is_archived: boolean;
  /** User ids, including the bot user when the app has been added. */
  members: string[];
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  /** For a DM: the human on the other side. */
  user?: string;
}

export interface SlackUsergroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  /** Slack's message subtypes the stand-in models: "channel_join" (someone added), "assistant_app_thread" (an assistant thread's root). */
  subtype?: string;
  /** Set on messages people wrote, as Slack's clients set it. */
  client_msg_id?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text: string;
  blocks?: Block[];
  metadata?: unknown;
  files?: string[];
  edited?: { user: string; ts: string };
  reply_count: number;
  reply_users: string[];
  latest_reply?: string;
}

export type EphemeralSource = "chat.postEphemeral" | "response_url" | "ack";

/** A message only one user sees ("Only visible to you"). */
export interface StoredEphemeral {
  channel: string;
  /** The one user who sees it. */
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: Block[];
  source: EphemeralSource;
  deleted: boolean;
}

export type ViewType = "modal" | "home";

export interface ViewState {
  values: Record<string, Record<string, Record<string, unknown>>>;
}

export interface StoredView {
  id: string;
  type: ViewType;
  user: string;
  title?: Block;
  submit?: Block;
  close?: Block;
  blocks: Block[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: ViewState;
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  isOpen: boolean;
  /** Errors shown under inputs after an ack with response_action "errors". */
  errors?: Record<string, string>;
}

export interface StoredFile {
  id: string;
  filename: string;
  title: string;
  /** Length announced in files.getUploadURLExternal. */
  length: number;
  bytes?: Buffer;
  alt_text?: string;
  snippet_type?: string;
  user: string;
  created: number;
  completed: boolean;
  channels: string[];
  thread_ts?: string;
  initial_comment?: string;
}

/** An assistant thread in the app's DM with a user (the assistant panel): what the app last set on it. */
export interface AssistantThread {
  channel: string;
  thread_ts: string;
  user: string;
  /** The channel the user was viewing, as the last assistant_thread_started / _context_changed said. */
  context: { channel_id?: string; team_id: string; enterprise_id: null };
  /** "is searching..." while the app works; cleared when the app posts in the thread. */
  status: string;
  loading_messages: string[];
  title?: string;
  suggested_prompts: { title: string; message: string }[];
  prompts_title?: string;
}
