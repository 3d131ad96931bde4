/** A message to post with chat.postMessage. */
export interface PostRequest {
  /** The workspace whose token posts it (null: the one workspace of single-token mode). */
  workspaceId?: string | null;
  channel: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
}

/**
 * What became of a post: "channel" errors mean the channel can't be posted to any more (the
 * subscription is paused); "retry" errors may pass (network, 5xx, rate limit after waiting);
 * "permanent" ones won't (a malformed message); "not-installed": the app is no longer installed in
 * the workspace (uninstalled, token revoked), so its posts stop until it is installed again.
 */
export type PostOutcome =
  | { ok: true; ts: string }
  | { ok: false; error: string; kind: "channel" | "retry" | "permanent" | "not-installed" };

export interface SlackPoster {
  post(request: PostRequest): Promise<PostOutcome>;
}

/** Slack's answers when the token itself is gone: the workspace uninstalled the app or revoked it. */
export const UNINSTALLED_ERRORS = new Set(["invalid_auth", "account_inactive", "token_revoked", "not_authed"]);

export const CHANNEL_ERRORS = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
